"""Reads: the current notice (its version cached), people's current consents, and who may be
in a research export."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.crypto import salted_hmac

from lms.models import User

from . import rules
from .models import Consent, PrivacyNotice

VERSION_CACHE_KEY = "privacy:notice-version"
VERSION_CACHE_SECONDS = 300  # a notice published for a later time becomes current within this
NO_NOTICE = 0  # cached when no notice is published yet


def this_year() -> int:
    """The current year in Yogyakarta (``TIME_ZONE``)."""
    return timezone.localdate().year


def published_notices() -> QuerySet[PrivacyNotice]:
    return PrivacyNotice.objects.filter(published_at__lte=timezone.now()).order_by("-version")


def current_notice() -> PrivacyNotice | None:
    return published_notices().first()


def notice_by_version(version: int) -> PrivacyNotice | None:
    return published_notices().filter(version=version).first()


def current_notice_version() -> int | None:
    """The current notice's version, from the cache when it holds it (Redis is only a cache:
    without it this reads the database)."""
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        notice = current_notice()
        version = notice.version if notice else NO_NOTICE
        cache.set(VERSION_CACHE_KEY, version, VERSION_CACHE_SECONDS)
    return version or None


def latest_consent(*, user, kind: str) -> Consent | None:
    return (
        Consent.objects.filter(user=user, kind=kind)
        .select_related("notice")
        .order_by("-given_at", "-pk")
        .first()
    )


def current_consents(*, user) -> dict[str, Consent | None]:
    """The person's latest decision of each kind (None: never asked), in one query."""
    latest: dict[str, Consent | None] = dict.fromkeys(Consent.Kind.values)
    rows = Consent.objects.filter(user=user).select_related("notice").order_by("given_at", "pk")
    for consent in rows:
        latest[consent.kind] = consent
    return latest


NEVER_AGREED = 0


def agreed_notice_version(*, user) -> int:
    """The version of the notice the person last agreed to, or ``NEVER_AGREED``: the rule for
    everyone alike. An account with no decision (made by staff, by a registry import before it
    was claimed, before the notice existed, or as test data) is asked to agree before using
    site pages, as is one whose agreement was withdrawn."""
    consent = latest_consent(user=user, kind=Consent.Kind.NOTICE)
    if consent is None or not consent.given:
        return NEVER_AGREED
    return consent.notice.version


def research_consenting_learner_ids() -> QuerySet:
    """Ids of the people whose current research consent is given and who are known to be 18 or
    over this year, or whose consent names their parent or guardian (it covers research). An
    unknown birth year does not count as an adult's: such a learner joins once the birth year is
    filled in. A deleted (anonymised) account is never among them: its consent ended with it."""
    latest = Consent.objects.filter(user=OuterRef("pk"), kind=Consent.Kind.RESEARCH).order_by(
        "-given_at", "-pk"
    )
    adults_born_by = this_year() - rules.ADULT_AGE
    return (
        User.objects.annotate(
            research_given=Subquery(latest.values("given")[:1]),
            research_guardian=Subquery(latest.values("guardian_name")[:1]),
        )
        .filter(research_given=True, anonymised_at__isnull=True)
        .filter(
            Q(birth_year__lte=adults_born_by)
            | (Q(research_guardian__gt="") & Q(research_guardian__isnull=False))
        )
        .values_list("pk", flat=True)
    )


def pseudonym_key() -> bytes:
    """``RESEARCH_PSEUDONYM_KEY``, else a key derived from ``SECRET_KEY`` (changing either
    changes every pseudonym)."""
    if settings.RESEARCH_PSEUDONYM_KEY:
        return settings.RESEARCH_PSEUDONYM_KEY.encode()
    return salted_hmac("pintar.privacy.research-pseudonym", "key", algorithm="sha256").digest()


def research_pseudonym(user_id: int) -> str:
    return rules.pseudonym(user_id, key=pseudonym_key())


def consents_for_profile(*, user) -> dict:
    """What the profile shows: the current ``notice`` and ``research`` decisions (or None),
    and whether the person is ``minor`` (their research consent then needs a guardian)."""
    return {
        **current_consents(user=user),
        "minor": rules.is_minor(user.birth_year, this_year()),
        "age_unknown": user.birth_year is None,
    }
