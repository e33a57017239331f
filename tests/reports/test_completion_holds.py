"""Issue 14, item 2: completion holds still when content changes.

The province (``conftest``): a1 completed and holds a certificate, e1 completed (no
certificate), a2 did week 1's two lessons, b1 one lesson, d1 nothing. Then a mentor adds a
lesson to week 1: a1 and e1 stay completed everywhere; a2, under way, now has a lesson left in
week 1.
"""

import pytest
from django.urls import reverse

from certificates import selectors as certificate_selectors
from courses.models import CourseCompletion, LessonPage, WeekPage
from reports import selectors
from tests.reports.links import url
from tests.reports.test_figures import names, scope
from tests.spreadsheets import read_csv


@pytest.fixture
def grown(province):
    """The province after a mentor added a third lesson to week 1."""
    week1 = WeekPage.objects.child_of(province.course).order_by("path").first()
    province.added = week1.add_child(
        instance=LessonPage(
            title="Pelajaran tambahan",
            slug="pelajaran-tambahan",
            body=[{"type": "text", "value": "<p>Baru.</p>"}],
        )
    )
    return province


def test_the_province_records_a1_and_e1_as_completed_when_they_finished(province):
    records = CourseCompletion.objects.filter(course=province.course).order_by("learner__full_name")
    assert [(r.learner.full_name, r.completed_at.day) for r in records] == [("a1", 11), ("e1", 31)]
    assert len(records[0].required["lesson_ids"]) == 4
    assert records[0].required["quiz_ids"] == []  # both weeks hold lessons


def test_completed_learners_and_certificate_holder_stay_completed_in_the_overview(grown):
    overview = selectors.course_overview(scope(grown))
    assert overview.completed == 2  # a1 e1, as before the lesson was added
    assert overview.businesses_completed == 2  # A E
    assert overview.median_days == 20.0  # (10 + 30) / 2, from the records' dates
    # Week 1: a1 and e1 completed; a2's two lessons are no longer the whole week.
    assert [count for _week, count in overview.funnel] == [2, 2]
    assert overview.started == 4  # a1 a2 b1 e1
    assert overview.certificates == 1


def test_completed_learners_are_listed_by_the_completed_status_filter(grown):
    assert sorted(e.learner.full_name for e in scope(grown, status="completed").enrolments) == [
        "a1",
        "e1",
    ]
    assert sorted(e.learner.full_name for e in scope(grown, status="in_progress").enrolments) == [
        "a2",
        "b1",
    ]
    assert [e.learner.full_name for e in scope(grown, status="not_started").enrolments] == ["d1"]


def test_business_table_keeps_completed_businesses_at_100_percent(grown, coordinator_client):
    rows = {row.name: row for row in selectors.business_rows(scope(grown))}
    assert (rows["A"].completed, rows["A"].progress, rows["A"].weeks_completed) == (True, 100, 2)
    assert (rows["E"].completed, rows["E"].progress, rows["E"].weeks_completed) == (True, 100, 2)
    assert (rows["B"].completed, rows["B"].progress, rows["B"].weeks_completed) == (False, 20, 0)
    assert names(selectors.business_rows(scope(grown, status="completed"))) == ["A", "E"]
    header, *csv_rows = read_csv(
        coordinator_client.get(
            url("businesses", course=grown.course.pk, status="completed", export="csv")
        )
    )
    assert sorted(row[0] for row in csv_rows) == ["A", "E"]


def test_mentor_sees_only_their_classes_completed_learners(grown):
    # Rina runs K1 (a1 completed, b1 under way); Dewi runs K2 (a2 under way).
    assert selectors.course_overview(scope(grown, user=grown.rina)).completed == 1
    assert selectors.course_overview(scope(grown, user=grown.dewi)).completed == 0
    assert list(selectors.completed_learners(scope(grown, user=grown.dewi))) == []


def test_course_page_shows_the_completed_date_and_the_new_lesson_as_optional(client, grown):
    client.force_login(grown.a1)
    page = client.get(grown.course.url).content.decode()
    assert "completed-on" in page
    assert "11 Oktober 2026" in page
    assert page.count('class="new-tag"') == 1  # the added lesson, optional reading
    assert "4 dari 4 pelajaran selesai (100%)" in page


def test_dashboard_shows_completed_learners_as_completed(client, grown):
    client.force_login(grown.e1)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert "31 Oktober 2026" in page
    assert "(100%)" in page


def test_a_learner_under_way_sees_the_new_lesson_in_their_progress(client, grown):
    client.force_login(grown.a2)
    page = client.get(grown.course.url).content.decode()
    assert "2 dari 5 pelajaran selesai (40%)" in page
    assert "completed-on" not in page
    assert 'class="new-tag"' not in page
    lesson_page = client.get(grown.added.url).content.decode()
    assert "new-note" not in lesson_page


def test_the_new_lesson_page_says_it_is_optional_for_a_completed_learner(client, grown):
    client.force_login(grown.e1)
    page = client.get(grown.added.url).content.decode()
    assert "new-note" in page
    assert "completed-on" in page  # the lesson page's progress says completed too


def test_certificate_holder_keeps_the_lessons_requirement_met(grown):
    standing = certificate_selectors.standing_of(learner=grown.a1, course=grown.course)
    assert (standing.lessons_done, standing.lessons_total) == (5, 5)
    status = certificate_selectors.certificate_status_for(learner=grown.a1, course=grown.course)
    assert status.complete
    assert status.certificate.is_valid
    # a2, under way, still lacks lessons: 2 of 5.
    standing = certificate_selectors.standing_of(learner=grown.a2, course=grown.course)
    assert (standing.lessons_done, standing.lessons_total) == (2, 5)


def test_learner_rows_keep_completed_learners_at_100_percent(grown):
    rows = {
        row.learner.full_name: row
        for row in selectors.learner_rows(scope(grown), year=2026).select_related("learner")
    }
    assert (rows["a1"].progress, rows["e1"].progress) == (100, 100)  # completed, then grown
    assert rows["a2"].progress == 40  # two of today's five lessons
    assert rows["d1"].progress == 0
