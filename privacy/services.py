"""Writes: consents given at sign-up, to a new notice version, and to research from the profile."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules, selectors
from .models import Consent, PrivacyNotice

# The notice version this session's person agreed to. Renamed when accounts without a decision
# stopped counting as agreed, so sessions started before then are checked again.
SESSION_KEY = "privacy_agreed_notice"
NO_NOTICE_YET = _("The privacy notice is not published yet. Please try again later.")
GUARDIAN_REQUIRED = _(
    "You are under 18: enter the name of your parent or guardian, who must tick the statement."
)


def notice_version_forget() -> None:
    """Drop the cached current version (after a notice is added or edited)."""
    cache.delete(selectors.VERSION_CACHE_KEY)


def _guardian(birth_year, guardian_name: str, guardian_statement: bool) -> tuple[str, bool]:
    """The guardian's name and statement to record: required under 18, else not kept."""
    if not rules.is_minor(birth_year, selectors.this_year()):
        return "", False
    guardian_name = " ".join((guardian_name or "").split())
    if not guardian_name or not guardian_statement:
        raise ValidationError(GUARDIAN_REQUIRED, code="guardian_required")
    return guardian_name, True


def _record(user, notice, kind, given, guardian_name="", guardian_statement=False, at=None):
    return Consent.objects.create(
        user=user,
        notice=notice,
        kind=kind,
        given=given,
        given_at=at or timezone.now(),
        guardian_name=guardian_name,
        guardian_statement=guardian_statement,
    )


def _notice_or_refuse(notice: PrivacyNotice | None = None) -> PrivacyNotice:
    notice = notice or selectors.current_notice()
    if notice is None:
        raise ValidationError(NO_NOTICE_YET, code="no_notice")
    return notice


@transaction.atomic
def sign_up_consents_record(
    *, user, research: bool, guardian_name: str = "", guardian_statement: bool = False
) -> list[Consent]:
    """Record a new account's agreement to the current notice and its research decision, at
    one time. Call it in the transaction that creates the account. A minor's guardian is named
    on both rows (so the research consent is theirs too)."""
    notice = _notice_or_refuse()
    name, statement = _guardian(user.birth_year, guardian_name, guardian_statement)
    now = timezone.now()
    return [
        _record(user, notice, Consent.Kind.NOTICE, True, name, statement, now),
        _record(user, notice, Consent.Kind.RESEARCH, research, name if research else "",
                statement if research else False, now),
    ]  # fmt: skip


@transaction.atomic
def notice_agree(
    *,
    user,
    notice: PrivacyNotice,
    research: bool,
    guardian_name: str = "",
    guardian_statement: bool = False,
) -> None:
    """Agree to ``notice`` (a newer version), and record the research choice when it changed
    (or was never made)."""
    name, statement = _guardian(user.birth_year, guardian_name, guardian_statement)
    now = timezone.now()
    _record(user, notice, Consent.Kind.NOTICE, True, name, statement, now)
    current = selectors.latest_consent(user=user, kind=Consent.Kind.RESEARCH)
    if current is None or current.given != research:
        _record(user, notice, Consent.Kind.RESEARCH, research, name if research else "",
                statement if research else False, now)  # fmt: skip


def notice_agreed_in_bulk(*, user_ids, notice: PrivacyNotice | None = None, at=None) -> int:
    """Record that the people ``user_ids`` names agreed to ``notice`` (default: the current
    one), for accounts made for people who agreed elsewhere: demo, synthetic and load-test
    accounts. Those who already agreed to it are skipped; a minor's row names no guardian, so
    real learners go through ``sign_up_consents_record``. Returns how many rows were added
    (none while no notice is published)."""
    notice = notice or selectors.current_notice()
    if notice is None:
        return 0
    user_ids = set(user_ids)
    user_ids -= set(
        Consent.objects.filter(
            user_id__in=user_ids, kind=Consent.Kind.NOTICE, notice=notice, given=True
        ).values_list("user_id", flat=True)
    )
    at = at or timezone.now()
    rows = [
        Consent(user_id=pk, notice=notice, kind=Consent.Kind.NOTICE, given=True, given_at=at)
        for pk in sorted(user_ids)
    ]
    Consent.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def research_consent_set(
    *, user, given: bool, guardian_name: str = "", guardian_statement: bool = False
) -> Consent:
    """Give or withdraw consent to research use, as a new row under the current notice. A
    learner under 18 gives it only with their parent's or guardian's name and statement."""
    notice = _notice_or_refuse()
    if given:
        guardian_name, guardian_statement = _guardian(
            user.birth_year, guardian_name, guardian_statement
        )
    else:
        guardian_name, guardian_statement = "", False
    return _record(user, notice, Consent.Kind.RESEARCH, given, guardian_name, guardian_statement)


def notice_check_on_sign_in(sender, request, user, **kwargs) -> None:
    """At sign-in, note on the session which notice version the person agreed to (0: none),
    so the middleware compares numbers instead of reading the database on every request."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_KEY] = selectors.agreed_notice_version(user=user)
    selectors.current_notice_version()  # warms the cache for the requests that follow
