"""The record of who touched people's data (UU PDP: who, what, which filters).

Every export of personal data, import, claim-link issue, temporary password, certificate revoke
and account deletion writes one entry in Wagtail's action log (``ModelLogEntry``, through
``wagtail.log_actions.log``): the person who did it (``user``), the object it concerned
(``instance``: the learner, the certificate; for an export, the person who downloaded it, as an
export concerns many people) and what it was (``data``, never a password or a file's contents).
Coordinators read the entries in the admin (``lms.audit_views``).
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .text import clean_text

EXPORT_PERSONAL_DATA = "pintar.export_personal_data"
IMPORT = "pintar.import"
CLAIM_LINK_ISSUE = "pintar.claim_link_issue"
TEMPORARY_PASSWORD = "pintar.temporary_password"  # noqa: S105 - an action name
CERTIFICATE_REVOKE = "pintar.certificate_revoke"
ACCOUNT_DELETE = "pintar.account_delete"
# The name temporary passwords were logged under before the audit log had its own names:
# entries written then are still read (and labelled) as temporary passwords.
LEGACY_TEMPORARY_PASSWORD = "lms.temporary_password"  # noqa: S105 - an action name
TEMPORARY_PASSWORD_ACTIONS = (TEMPORARY_PASSWORD, LEGACY_TEMPORARY_PASSWORD)

# action -> (label in the filters, message in the history)
LABELS = {
    EXPORT_PERSONAL_DATA: (_("Export personal data"), _("Personal data exported")),
    IMPORT: (_("Import businesses and owners"), _("Businesses and owners imported")),
    CLAIM_LINK_ISSUE: (_("Issue claim link"), _("Claim link issued")),
    TEMPORARY_PASSWORD: (_("Set temporary password"), _("Temporary password set")),
    CERTIFICATE_REVOKE: (_("Revoke certificate"), _("Certificate revoked")),
    ACCOUNT_DELETE: (_("Delete account"), _("Account deleted")),
}
ACTIONS = tuple(LABELS)
# Every action the audit log page lists, old names included.
LOGGED_ACTIONS = (*ACTIONS, LEGACY_TEMPORARY_PASSWORD)

SEARCH_MAX = 200  # characters of a typed search kept in an export's entry


def register_actions(actions) -> None:
    """Give Wagtail's log registry (the ``register_log_actions`` hook's argument) a label
    and a message for each action, the old temporary-password name too."""
    for action, (label, message) in LABELS.items():
        actions.register_action(action, label, message)
    label, message = LABELS[TEMPORARY_PASSWORD]
    actions.register_action(LEGACY_TEMPORARY_PASSWORD, label, message)


def filter_text(value) -> str:
    """One applied filter's value as a person reads it: an object's name, a date range
    ``start..end``, choices joined by commas; "" for an empty one."""
    if value is None or value == "" or value == [] or value == ():
        return ""
    if isinstance(value, slice):  # a date range, its ends as days in the site's time zone
        start, stop = (filter_text(_day(end)) for end in (value.start, value.stop))
        return f"{start}..{stop}" if start or stop else ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(text for text in (filter_text(item) for item in value) if text)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "_meta"):  # a model instance: its name, and its id to find it again
        return f"{value} (#{value.pk})"
    return clean_text(str(value))[:SEARCH_MAX]


def _day(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def applied_filters(cleaned: dict) -> dict[str, str]:
    """The filters a form applied (its ``cleaned_data``): each non-empty one's name to its
    value as text."""
    texts = {name: filter_text(value) for name, value in (cleaned or {}).items()}
    return {name: text for name, text in texts.items() if text}


def export_log(
    *,
    user,
    report: str,
    export_format: str,
    filters: dict,
    search: str = "",
    rows: int | None = None,
):
    """Record that ``user`` downloaded ``report`` (a name, e.g. "reports.learners") as
    ``export_format`` with ``filters`` (a form's cleaned data) and a typed ``search``; ``rows``
    when it was cheap to know. Called once per download, when the response starts."""
    data = {"report": report, "format": export_format, "filters": applied_filters(filters)}
    search = clean_text(search or "").strip()[:SEARCH_MAX]
    if search:
        data["search"] = search
    if rows is not None:
        data["rows"] = rows
    return log(instance=user, action=EXPORT_PERSONAL_DATA, user=user, data=data)


def entries_visible_to(user):
    """The audit log's entries, newest first: every one for coordinators (and superusers),
    none for anyone else (a mentor's exports and temporary passwords are read by
    coordinators, not by other mentors)."""
    from wagtail.models import ModelLogEntry

    from .selectors import sees_every_class

    entries = ModelLogEntry.objects.filter(action__in=LOGGED_ACTIONS)
    if not sees_every_class(user):
        return entries.none()
    return entries.select_related("user", "content_type").order_by("-timestamp", "-pk")


DETAIL_LABELS = {
    "report": _("Report"),
    "format": _("Format"),
    "search": _("Search"),
    "rows": _("Rows"),
    "by": _("By"),
    "serial": _("Certificate"),
    # an import (onboarding): its file, counts and the class everyone was enrolled in
    "file_name": _("File"),
    "new": _("New"),
    "updated": _("Updated"),
    "refused": _("Refused"),
    "class": _("Class"),
    # a claim link: until when it works
    "expires_at": _("Expires"),
}


def entry_details(entry) -> str:
    """What an entry's ``data`` says, for the log page: report, format, search, rows, then
    each filter applied (by its name in the report's link)."""
    data = entry.data or {}
    parts = [
        f"{label}: {data[key]}"
        for key, label in DETAIL_LABELS.items()
        if data.get(key) not in (None, "")
    ]
    filters = data.get("filters") or {}
    if isinstance(filters, dict):
        parts += [f"{name}: {text}" for name, text in filters.items()]
    return "; ".join(parts)
