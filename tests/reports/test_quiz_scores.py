"""Quiz scores in the reports: the mean of each learner's best attempt and the mean of each
learner's first attempt, never one mean over every attempt (failed retries included).

Hand-built: one course, one week, one quiz of ten questions (10 points each), pass mark 70.
Business "Maju": its owner Putri fails with 40, then passes with 80 on a retry; its member
Qori passes with 90 at the first try.

- best attempts: Putri 80, Qori 90 → mean best (80 + 90) / 2 = 85
- first attempts: Putri 40, Qori 90 → mean first (40 + 90) / 2 = 65
- (the old mean over every attempt: (40 + 80 + 90) / 3 = 70, which is neither)
"""

import io
import re
import uuid
from decimal import Decimal
from urllib.parse import urlencode

import openpyxl
import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from courses import services as course_services
from courses.models import WeekPage
from quizzes import services as quiz_services
from reports import selectors
from reports.filters import EnrolmentFilterSet
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    build_quiz,
    choice_question,
    lessons_of,
)
from tests.spreadsheets import number, read_csv

pytestmark = pytest.mark.django_db

QUESTIONS = [
    choice_question(f"q{n}", f"Soal {n}?", [(f"r{n}", "Benar", True), (f"w{n}", "Salah", False)])
    for n in range(10)
]


def answers(right):
    """The first ``right`` of ten questions answered right: 10 points each."""
    return {f"q{n}": [f"r{n}" if n < right else f"w{n}"] for n in range(10)}


@pytest.fixture
def retries(db):
    course = build_course(weeks=1, lessons_per_week=1, slug="skor")
    [week] = WeekPage.objects.child_of(course)
    quiz = build_quiz(week, questions=QUESTIONS, attempts_allowed=0)
    putri = UserFactory(full_name="Putri")
    business = BusinessFactory(name="Maju")
    MembershipFactory(user=putri, business=business, is_owner=True)
    qori = UserFactory(full_name="Qori")
    MembershipFactory(user=qori, business=business)
    for learner, scores in ((putri, [4, 8]), (qori, [9])):
        course_services.enrolment_start(learner=learner, course=course)
        for lesson in lessons_of(course):
            course_services.lesson_mark_done(learner=learner, lesson=lesson)
        for right in scores:
            quiz_services.attempt_submit(
                learner=learner, page=quiz, raw_answers=answers(right), token=uuid.uuid4()
            )
    return course, quiz, business, putri, qori


def scope_of(course):
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True)
    data = QueryDict(mutable=True)
    data.update({"course": course.pk})
    enrolments = selectors.enrolments_visible_to(request.user).filter(course=course)
    filterset = EnrolmentFilterSet(data, queryset=enrolments, request=request)
    assert filterset.is_valid(), filterset.errors
    return selectors.scope_for(course=course, enrolments=filterset.qs)


def export(client, course, kind):
    query = urlencode({"course": course.pk, "export": kind})
    return b"".join(client.get(f"{reverse('reports:businesses')}?{query}").streaming_content)


def headings(*msgids):
    """The export's headings as the admin writes them (in the site's language)."""
    with translation.override("id"):
        return [gettext(msgid) for msgid in msgids]


BEST, FIRST = "Mean best score (%)", "Mean first-attempt score (%)"
SCORES_HELP = (
    "Mean best score: the best attempt of each learner at each quiz, averaged. Mean"
    " first-attempt score: the first attempt of each learner at each quiz, averaged."
)


def test_per_quiz_figures_give_the_mean_best_and_the_mean_first_attempt(retries):
    course, quiz, *_ = retries
    [figures] = selectors.course_overview(scope_of(course)).quizzes

    assert figures["page"].pk == quiz.pk
    assert (figures["learners"], figures["passed"]) == (2, 2)
    assert figures["best_mean"] == Decimal(85)  # (80 + 90) / 2
    assert figures["first_mean"] == Decimal(65)  # (40 + 90) / 2


def test_business_row_gives_the_mean_best_and_the_mean_first_attempt(retries):
    course, _quiz, business, *_ = retries
    [row] = selectors.business_rows(scope_of(course))

    assert row.pk == business.pk
    assert (row.quiz_best, row.quiz_first) == (Decimal(85), Decimal(65))


def test_each_learner_of_a_business_has_their_best_and_first_score(retries):
    course, _quiz, business, putri, qori = retries
    first, second = selectors.business_members(scope_of(course), business)

    assert (first.learner, first.quiz_best, first.quiz_first) == (putri, Decimal(80), Decimal(40))
    assert (second.learner, second.quiz_best, second.quiz_first) == (qori, Decimal(90), Decimal(90))


def test_business_table_and_detail_page_label_both_scores(coordinator_client, retries):
    course, _quiz, business, *_ = retries
    table = coordinator_client.get(
        reverse("reports:businesses") + f"?course={course.pk}"
    ).content.decode()
    detail = coordinator_client.get(
        reverse("reports:business", args=[business.pk]) + f"?course={course.pk}"
    ).content.decode()
    for page in (table, detail):
        for heading in headings(BEST, FIRST, SCORES_HELP):
            assert heading in page
    assert re.search(r">\s*85[.,]0\s*</td>\s*<td[^>]*>\s*65[.,]0\s*<", table)  # best, first
    cells = re.sub(r"\s+", "", detail)
    assert re.search(r"<td>80[.,]0</td><td>40[.,]0</td>", cells)  # Putri: best, then first
    assert re.search(r"<td>90[.,]0</td><td>90[.,]0</td>", cells)  # Qori


def test_business_csv_has_a_best_and_a_first_attempt_column(coordinator_client, retries):
    course, *_ = retries
    query = urlencode({"course": course.pk, "export": "csv"})
    header, row = read_csv(coordinator_client.get(f"{reverse('reports:businesses')}?{query}"))
    best, first = (header.index(heading) for heading in headings(BEST, FIRST))

    assert (number(row[best]), number(row[first])) == (85, 65)


def test_business_xlsx_has_a_best_and_a_first_attempt_column(coordinator_client, retries):
    course, *_ = retries
    workbook = openpyxl.load_workbook(io.BytesIO(export(coordinator_client, course, "xlsx")))
    header, row = list(workbook.active.iter_rows(values_only=True))
    best, first = (header.index(heading) for heading in headings(BEST, FIRST))

    assert (row[best], row[first]) == (85, 65)


def test_overview_csv_lists_both_means_per_quiz(coordinator_client, retries):
    course, quiz, *_ = retries
    query = urlencode({"course": course.pk, "export": "csv"})
    figures = dict(read_csv(coordinator_client.get(f"{reverse('reports:overview')}?{query}"))[1:])
    with translation.override("id"):
        best = gettext("Mean best score (%%): %(quiz)s") % {"quiz": quiz.title}
        first = gettext("Mean first-attempt score (%%): %(quiz)s") % {"quiz": quiz.title}

    assert (number(figures[best]), number(figures[first])) == (85, 65)


def test_a_retry_with_the_same_score_counts_once_in_the_best(retries):
    course, quiz, business, _putri, qori = retries
    quiz_services.attempt_submit(
        learner=qori, page=quiz, raw_answers=answers(9), token=uuid.uuid4()
    )  # 90 again
    [row] = selectors.business_rows(scope_of(course))
    [figures] = selectors.course_overview(scope_of(course)).quizzes

    # (80 + 90) / 2, not (80 + 90 + 90) / 3; the first attempts stay 40 and 90
    assert (row.quiz_best, row.quiz_first) == (Decimal(85), Decimal(65))
    assert (figures["best_mean"], figures["first_mean"]) == (Decimal(85), Decimal(65))
