"""Who answered the questionnaire before the course, after it, both times, and who chose to skip
it: counted by hand on six learners in two classes."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import gettext

from courses import services as course_services
from courses.models import Cohort
from lms import roles
from quizzes import services as quiz_services
from reports import selectors
from tests.factories import UserFactory, build_course, build_knowledge_check, lessons_of
from tests.reports.links import url
from tests.spreadsheets import read_csv

pytestmark = pytest.mark.django_db

ANSWERS = {"q1": ["c1"], "q2": ["c5"], "q3": ["false"], "q4": ["1"]}  # one right of four


class Learners:
    def __init__(self, **people):
        self.__dict__.update(people)


@pytest.fixture
def classes(db):
    """K1 (mentor Rina): before only, both, nothing. K2 (mentor Dewi): after only, skipped,
    skipped and then answered before after all. The before-only learner also skipped another
    course's questionnaire, which counts for that course only."""
    course = build_course(weeks=1, lessons_per_week=2, slug="hitung")
    knowledge = build_knowledge_check(course)
    other = build_course(weeks=1, lessons_per_week=1, slug="lain")
    build_knowledge_check(other)
    mentors = Group.objects.get(name=roles.MENTORS)
    rina = UserFactory(full_name="Rina", groups=[mentors])
    dewi = UserFactory(full_name="Dewi", groups=[mentors])
    k1 = Cohort.objects.create(name="K1", course=course, start_date="2026-10-01", mentor=rina)
    k2 = Cohort.objects.create(name="K2", course=course, start_date="2026-10-01", mentor=dewi)
    people = {}
    for name, cohort in [
        ("before_only", k1),
        ("both", k1),
        ("nothing", k1),
        ("after_only", k2),
        ("skipped", k2),
        ("skipped_then_answered", k2),
    ]:
        people[name] = UserFactory(full_name=name)
        course_services.enrolment_start(learner=people[name], course=course, cohort=cohort)
    p = Learners(**people)

    def answer(learner):
        quiz_services.attempt_submit(
            learner=learner, page=knowledge, raw_answers=ANSWERS, token=uuid.uuid4()
        )

    def finish(learner):
        for lesson in lessons_of(course):
            course_services.lesson_mark_done(learner=learner, lesson=lesson)

    answer(p.before_only)
    answer(p.both)
    finish(p.both)
    answer(p.both)
    finish(p.after_only)  # began before the offer existed: the before had closed
    answer(p.after_only)
    quiz_services.before_skip(learner=p.skipped, course=course)
    quiz_services.before_skip(learner=p.skipped_then_answered, course=course)
    answer(p.skipped_then_answered)
    course_services.enrolment_start(learner=p.before_only, course=other)
    quiz_services.before_skip(learner=p.before_only, course=other)
    return Learners(course=course, rina=rina, dewi=dewi, **people)


def counts_for(viewer, course):
    enrolments = selectors.enrolments_visible_to(viewer)
    summary = selectors.knowledge_summary(selectors.scope_for(course=course, enrolments=enrolments))
    return (summary.took_before, summary.took_after, summary.took_both, summary.skipped_before)


def test_counts_of_every_learner_for_a_coordinator(classes):
    coordinator = UserFactory(groups=[Group.objects.get(name=roles.COORDINATORS)])
    # before: before_only, both, skipped_then_answered; after: both, after_only; both: both;
    # skipped: skipped (skipped_then_answered answered after all; another course's skip is not
    # this course's).
    assert counts_for(coordinator, classes.course) == (3, 2, 1, 1)


def test_a_mentor_counts_only_their_own_class(classes):
    assert counts_for(classes.rina, classes.course) == (2, 1, 1, 0)  # before_only, both
    assert counts_for(classes.dewi, classes.course) == (1, 1, 0, 1)


def test_the_means_still_count_each_answer_once(classes):
    coordinator = UserFactory(groups=[Group.objects.get(name=roles.COORDINATORS)])
    enrolments = selectors.enrolments_visible_to(coordinator)
    summary = selectors.knowledge_summary(
        selectors.scope_for(course=classes.course, enrolments=enrolments)
    )
    assert (summary.pre_mean, summary.post_mean, summary.paired) == (25, 25, 1)


def figures_on_page(response) -> dict[str, int]:
    page = response.content.decode()
    figures = {}
    for name in ("took_before", "took_after", "took_both", "skipped_before"):
        start = page.index(f'data-figure="{name}">') + len(f'data-figure="{name}">')
        figures[name] = int(page[start : page.index("<", start)])
    return figures


def test_the_knowledge_report_shows_the_counts_within_the_viewers_scope(
    client, coordinator_client, classes
):
    response = coordinator_client.get(url("knowledge", course=classes.course.pk))
    assert figures_on_page(response) == {
        "took_before": 3,
        "took_after": 2,
        "took_both": 1,
        "skipped_before": 1,
    }
    client.force_login(classes.dewi)
    response = client.get(url("knowledge", course=classes.course.pk))
    assert figures_on_page(response) == {
        "took_before": 1,
        "took_after": 1,
        "took_both": 0,
        "skipped_before": 1,
    }


def test_the_overview_export_holds_the_counts(client, coordinator_client, classes):
    labels = {
        gettext("Learners who answered the questionnaire before"): "took_before",
        gettext("Learners who answered the questionnaire after"): "took_after",
        gettext("Learners with both scores"): "took_both",
        gettext("Learners who skipped the questionnaire before"): "skipped_before",
    }

    def exported(who):
        rows = read_csv(who.get(url("overview", course=classes.course.pk, export="csv")))
        return {labels[label]: value for label, value, *_ in rows if label in labels}

    assert exported(coordinator_client) == {
        "took_before": "3",
        "took_after": "2",
        "took_both": "1",
        "skipped_before": "1",
    }
    client.force_login(classes.rina)
    assert exported(client) == {
        "took_before": "2",
        "took_after": "1",
        "took_both": "1",
        "skipped_before": "0",
    }
