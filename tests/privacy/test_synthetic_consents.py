"""Synthetic learners agreed to the privacy notice as sign-up records it, so pages measured
with them (`make bench-load`, reports) are pages, not redirects to the notice."""

import pytest
from django.utils import timezone

from privacy import rules, selectors
from privacy.models import Consent
from reports import synthetic
from tests.reports.test_synthetic import (  # noqa: F401 - the fixture
    _synthetic_learners,
    synthetic_province,
)


@pytest.mark.django_db
@pytest.mark.usefixtures("synthetic_province")
def test_every_synthetic_learner_agreed_to_the_current_notice_once():
    learners = _synthetic_learners()
    current = selectors.current_notice()
    rows = Consent.objects.filter(user__in=learners)
    assert rows.count() == learners.count() > 0
    assert set(rows.values_list("kind", "notice", "given")) == {("notice", current.pk, True)}
    for consent in rows.select_related("user"):
        minor = rules.is_minor(consent.user.birth_year, timezone.localdate(consent.given_at).year)
        assert consent.guardian_statement is minor
        assert consent.guardian_name == (synthetic.SYNTHETIC_GUARDIAN if minor else "")
        assert consent.given_at >= current.published_at
