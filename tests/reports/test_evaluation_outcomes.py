"""The evaluation report's "Business outcomes" section (issue 15, item 5): the outcome summary
when some businesses have a check-in before and after the course, the "no data yet" note when
none has. Figures as in tests/reports/test_outcomes.py."""

import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from reports import documents, evaluation
from tests.reports.test_evaluation import coordinator, data_for, indonesian, pdf_text
from tests.reports.test_outcomes import record_outcomes

pytestmark = pytest.mark.django_db

OUTCOMES_SHEET = indonesian("Business outcomes")


def outcome_sheet(data) -> dict:
    workbook = load_workbook(io.BytesIO(documents.render_xlsx(data)))
    return {
        row[0]: row[1] for row in workbook[OUTCOMES_SHEET].iter_rows(min_row=2, values_only=True)
    }


def test_the_evaluation_holds_the_outcome_summary_of_its_scope(province):
    record_outcomes(province)
    _scope, data = data_for(province, coordinator())
    assert data.outcomes.pairs == 3
    assert data.outcomes.metric("revenue").median_change == Decimal(60_000)
    assert data.outcomes.credit.submitted == 3


def test_the_workbook_lists_the_outcome_figures_as_numbers(province):
    record_outcomes(province)
    _scope, data = data_for(province, coordinator())
    figures = outcome_sheet(data)
    assert figures[indonesian("Businesses with both (pairs)")] == 3
    revenue = indonesian("Revenue on a typical day (Rp)")
    assert figures[indonesian("%(figure)s: median before") % {"figure": revenue}] == 100_000
    assert figures[indonesian("%(figure)s: median after") % {"figure": revenue}] == 200_000
    assert figures[indonesian("%(figure)s: median change") % {"figure": revenue}] == 60_000
    online = indonesian("Selling online")
    assert figures[indonesian("%(figure)s, before (%%)") % {"figure": online}] == 50
    assert figures[indonesian("%(figure)s, after (%%)") % {"figure": online}] == 100
    assert figures[indonesian("Credit applications disbursed")] == 1
    assert str(evaluation.NO_OUTCOMES) not in figures.values()


def test_the_pdf_shows_the_outcome_summary_instead_of_the_note(province):
    record_outcomes(province)
    _scope, data = data_for(province, coordinator())
    text = pdf_text(documents.render_pdf(data))
    assert indonesian("Businesses with both (pairs)") in text
    assert "100.000" in text  # the median revenue before, grouped the Indonesian way
    assert "60.000" in text  # its median change
    assert indonesian("Credit applications approved at OJK-supervised lenders") in text


def test_without_pairs_the_section_keeps_its_note(province):
    _scope, data = data_for(province, coordinator())
    assert data.outcomes.pairs == 0
    with_note = list(outcome_sheet(data).values())
    assert len(with_note) == 1
    with translation.override("id"):
        assert with_note == [str(evaluation.NO_OUTCOMES)]
    text = " ".join(pdf_text(documents.render_pdf(data)).split())
    assert indonesian("Businesses with both (pairs)") not in text


def test_a_mentors_evaluation_counts_only_their_classes_businesses(province):
    record_outcomes(province)
    _scope, data = data_for(province, province.dewi)  # K2: a2, of business A
    assert (data.outcomes.businesses, data.outcomes.pairs) == (1, 1)
    assert data.outcomes.metric("revenue").median_change == Decimal(100_000)
    assert data.outcomes.credit.submitted == 1
