"""`seed_synthetic`: a province-sized data set that keeps every rule the site keeps."""

import hashlib
import io
import re
from collections import Counter, defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from cashbook.models import Entry
from certificates import rules, selectors
from certificates.models import Certificate, SerialCounter
from courses.models import Cohort, CourseCompletion, CoursePage, Enrolment, LessonCompletion
from courses.progress import week_opens_on
from courses.selectors import course_outline, start_date_for
from credit.models import CreditApplication
from lms import roles
from lms.identifiers import normalise_phone
from lms.models import Business, Membership, User
from quizzes import grading
from quizzes.models import (
    AttemptAnswer,
    Phase,
    QuizAttempt,
    QuizPage,
    SurveyAnswer,
    SurveyResponse,
)
from reports import demo as evaluation_demo
from reports import synthetic

pytestmark = pytest.mark.django_db

BUSINESSES, LEARNERS = 30, 80
TODAY = date(2026, 11, 27)
COUNTED = {
    "businesses": Business,
    "memberships": Membership,
    "enrolments": Enrolment,
    "cohorts": Cohort,
    "lesson completions": LessonCompletion,
    "course completions": CourseCompletion,
    "attempts": QuizAttempt,
    "attempt answers": AttemptAnswer,
    "survey responses": SurveyResponse,
    "survey answers": SurveyAnswer,
    "certificates": Certificate,
    "cash book entries": Entry,
    "credit applications": CreditApplication,
}


def _counts() -> dict:
    counts = {label: model.objects.count() for label, model in COUNTED.items()}
    counts["learners"] = User.objects.filter(groups__name=roles.LEARNERS).count()
    counts["mentors"] = User.objects.filter(groups__name=roles.MENTORS).count()
    return counts


def _printed(output: str) -> dict:
    return {
        label: int(number.replace(",", ""))
        for label, number in re.findall(r"^([a-z ]+?)\s+([\d,]+)$", output, flags=re.MULTILINE)
    }


def _synthetic_learners():
    """Learners with an unusable password (the demo's two have one they can type), other than
    the demo evaluation class's, which seed_demo draws with the same generators."""
    return User.objects.filter(groups__name=roles.LEARNERS, password__startswith="!").exclude(
        pk__in=evaluation_demo.demo_class_learners()
    )


@pytest.fixture(scope="class")
def synthetic_province(django_db_setup, django_db_blocker):
    """The demo courses and a small synthetic province, built once for the class and rolled
    back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        before = _counts()
        output = io.StringIO()
        call_command(
            "seed_synthetic",
            "--businesses",
            str(BUSINESSES),
            "--learners",
            str(LEARNERS),
            stdout=output,
        )
        yield {"before": before, "output": output.getvalue()}
        transaction.set_rollback(True)


@pytest.mark.usefixtures("synthetic_province")
class TestProvince:
    def test_counts_are_exact_and_match_the_summary(self, synthetic_province):
        created = {
            label: number - synthetic_province["before"][label]
            for label, number in _counts().items()
        }
        printed = _printed(synthetic_province["output"])
        assert created == printed
        assert created["businesses"] == BUSINESSES
        assert created["learners"] == LEARNERS
        assert created["memberships"] == LEARNERS
        assert created["cohorts"] == 2 * synthetic.COHORTS_PER_COURSE
        assert created["mentors"] == len(synthetic.MENTORS)
        for label in ("enrolments", "lesson completions", "attempts", "certificates"):
            assert created[label] > 0, label

    def test_every_business_has_one_owner_and_every_learner_a_membership(self):
        owners = Business.objects.annotate(
            owners=Count("memberships", filter=Q(memberships__is_owner=True)),
            members=Count("memberships"),
        )
        assert {business.owners for business in owners} == {1}
        assert max(business.members for business in owners) <= 1 + synthetic.MAX_EXTRA_MEMBERS
        assert not _synthetic_learners().filter(membership__isnull=True).exists()
        synthetic_businesses = Business.objects.filter(
            memberships__is_owner=True, memberships__user__in=_synthetic_learners()
        )
        assert synthetic_businesses.count() == BUSINESSES
        for business in synthetic_businesses.prefetch_related("memberships__user"):
            members = business.memberships.all()
            owner = next(member for member in members if member.is_owner)
            assert business.created_at <= min(member.user.date_joined for member in members)
            assert owner.joined_at == owner.user.date_joined

    def test_learners_can_sign_in_by_a_valid_number_or_an_email(self):
        learners = list(_synthetic_learners())
        assert len(learners) == LEARNERS
        phones = [learner.phone for learner in learners if learner.phone]
        emails = [learner.email for learner in learners if learner.email]
        assert all(learner.phone or learner.email for learner in learners)
        assert all(normalise_phone(phone) == phone for phone in phones)
        assert all(email == email.lower() and email.endswith(".test") for email in emails)
        assert len(phones) > len(learners) / 2
        assert all(1960 <= learner.birth_year <= 2010 for learner in learners)

    def test_lessons_are_done_in_order_after_enrolling_and_once_weeks_open(self):
        reached = defaultdict(Counter)  # course → week number → learners who finished it
        for course in CoursePage.objects.all():
            outline = course_outline(course=course)
            order = [lesson.pk for lesson in outline.lessons()]
            week_of = {lesson.pk: row.number for row in outline.weeks for lesson in row.lessons}
            for enrolment in Enrolment.objects.filter(course=course).select_related("cohort"):
                done = list(
                    LessonCompletion.objects.filter(learner=enrolment.learner_id, course=course)
                    .order_by("completed_at")
                    .values_list("lesson_id", "completed_at")
                )
                assert [pk for pk, _ in done] == order[: len(done)]
                assert all(at > enrolment.enrolled_at for _, at in done)
                pre = QuizAttempt.objects.filter(
                    learner=enrolment.learner_id, course=course, phase=Phase.PRE
                ).first()
                if pre and done:
                    assert pre.submitted_at < done[0][1]
                if course.pacing == "weekly":
                    start = start_date_for(enrolment)
                    for pk, at in done:
                        opens = week_opens_on(start=start, week_number=week_of[pk])
                        assert timezone.localdate(at) >= opens
                for row in outline.weeks:
                    if all(lesson.pk in dict(done) for lesson in row.lessons):
                        reached[course.pk][row.number] += 1
        for weeks in reached.values():
            counts = [weeks[number] for number in sorted(weeks)]
            assert counts == sorted(counts, reverse=True)
            assert counts[0] > counts[-1]

    def test_learners_who_did_every_lesson_hold_a_completion_record_dated_after_it(self):
        records = CourseCompletion.objects.all()
        assert records.exists()
        for course in CoursePage.objects.all():
            lessons = [lesson.pk for lesson in course_outline(course=course).lessons()]
            finished = {
                row["learner"]: row["last"]
                for row in LessonCompletion.objects.filter(course=course)
                .values("learner")
                .annotate(n=Count("lesson"), last=Max("completed_at"))
                .filter(n=len(lessons))
            }
            completed = {r.learner_id: r for r in records.filter(course=course)}
            assert set(completed) == set(finished)
            for learner_id, record in completed.items():
                assert record.completed_at >= finished[learner_id]
                assert record.required["lesson_ids"] == lessons

    def test_post_questionnaire_only_after_every_lesson_and_scores_rise(self):
        posts = QuizAttempt.objects.filter(phase=Phase.POST)
        assert posts.exists()
        for post in posts:
            lessons = len(course_outline(course=post.course).lessons())
            done = LessonCompletion.objects.filter(learner=post.learner_id, course=post.course)
            assert done.count() == lessons
            assert all(at < post.submitted_at for at in done.values_list("completed_at", flat=True))
        mean = {
            phase: sum(a.score_percent for a in QuizAttempt.objects.filter(phase=phase))
            / QuizAttempt.objects.filter(phase=phase).count()
            for phase in (Phase.PRE, Phase.POST)
        }
        assert mean[Phase.POST] > mean[Phase.PRE] + 10

    def test_each_attempt_is_graded_as_the_site_would_grade_its_snapshot(self):
        for attempt in QuizAttempt.objects.prefetch_related("scores"):
            page = attempt.page.specific
            questions = {q.id: q for q in page.question_list()}
            scores = {answer.question_id: answer.score for answer in attempt.scores.all()}
            assert set(scores) == set(attempt.answers) == set(questions)
            positions = {qid: entry["position"] for qid, entry in attempt.answers.items()}
            assert sorted(positions, key=positions.get) == list(questions)
            for question_id, entry in attempt.answers.items():
                question = questions[question_id]
                given = (
                    Decimal(entry["given"])
                    if question.kind == grading.NUMERIC
                    else frozenset(entry["given"])
                )
                assert grading.question_score(question, given) == scores[question_id]
                assert Decimal(entry["score"]) == scores[question_id]
            mean = (sum(scores.values()) / len(scores) * 100).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            assert attempt.score_percent == mean
            if isinstance(page, QuizPage):
                assert attempt.passed == (attempt.score_percent >= page.pass_mark)
                assert attempt.pass_mark_percent == page.pass_mark

    def test_attempts_are_numbered_and_stop_once_passed(self):
        numbers = defaultdict(list)
        for attempt in QuizAttempt.objects.order_by("submitted_at"):
            numbers[attempt.learner_id, attempt.page_id, attempt.phase].append(attempt)
        for (_, _, phase), attempts in numbers.items():
            assert [a.number for a in attempts] == list(range(1, len(attempts) + 1))
            if phase == Phase.QUIZ:
                assert not any(a.passed for a in attempts[:-1])
            else:
                assert len(attempts) == 1

    def test_survey_answers_match_their_response(self):
        responses = SurveyResponse.objects.prefetch_related("items")
        assert responses.exists()
        likert = Counter()
        for response in responses:
            items = {item.item_id: item for item in response.items.all()}
            assert set(items) == {block.id for block in response.page.specific.items}
            for item_id, entry in response.answers.items():
                if entry["kind"] == "likert":
                    assert items[item_id].likert == entry["value"]
                    likert[entry["value"]] += 1
                else:
                    assert items[item_id].text == entry["value"]
        assert likert[4] + likert[5] > likert[1] + likert[2] + likert[3]

    def test_certificates_exist_exactly_for_learners_meeting_the_rule(self):
        for enrolment in Enrolment.objects.select_related("learner", "course", "cohort__mentor"):
            course, learner = enrolment.course, enrolment.learner
            standing = selectors.standing_of(learner=learner, course=course)
            complete = rules.is_complete(selectors.rule_of(course), standing)
            certificate = Certificate.objects.filter(learner=learner, course=course).first()
            assert (certificate is not None) == complete, (learner, course)
            if certificate and enrolment.cohort:
                assert certificate.mentor_name == enrolment.cohort.mentor.full_name
                assert certificate.business_name == learner.membership.business.name

    def test_serials_are_unique_sequential_and_the_counter_is_kept(self):
        serials = sorted(Certificate.objects.values_list("serial", flat=True))
        numbers = [int(serial.rsplit("-", 1)[1]) for serial in serials]
        assert all(serial.startswith("PU-2026-") for serial in serials)
        assert numbers == list(range(1, len(numbers) + 1))
        assert SerialCounter.objects.get(year=2026).last == len(numbers)
        issued = Certificate.objects.filter(learner__in=_synthetic_learners())
        assert list(issued.order_by("issued_at").values_list("serial", flat=True)) == sorted(
            issued.values_list("serial", flat=True)
        )
        assert len(set(Certificate.objects.values_list("code", flat=True))) == len(serials)


def _fingerprint() -> str:
    """Everything drawn from the seed (not the random tokens and verification codes)."""
    parts = [
        Business.objects.order_by("pk").values_list(
            "name", "sibakul_number", "sector", "regency", "district", "join_code", "created_at"
        ),
        User.objects.order_by("pk").values_list(
            "full_name", "phone", "email", "birth_year", "date_joined", "membership__is_owner"
        ),
        Enrolment.objects.order_by("pk").values_list(
            "learner__full_name", "course_id", "cohort__name", "enrolled_at"
        ),
        LessonCompletion.objects.order_by("pk").values_list(
            "learner__phone", "lesson_id", "completed_at"
        ),
        QuizAttempt.objects.order_by("pk").values_list(
            "learner__full_name",
            "page_id",
            "phase",
            "number",
            "score_percent",
            "submitted_at",
            "answers",
        ),
        SurveyAnswer.objects.order_by("pk").values_list("item_id", "likert", "text"),
        Certificate.objects.order_by("pk").values_list("serial", "holder_name", "issued_at"),
    ]
    return hashlib.sha256(repr([list(part) for part in parts]).encode()).hexdigest()


def _run_and_roll_back(seed: int) -> str:
    point = transaction.savepoint()
    synthetic.generate(businesses=12, learners=30, seed=seed, today=TODAY)
    fingerprint = _fingerprint()
    transaction.savepoint_rollback(point)
    return fingerprint


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    call_command("seed_demo", stdout=io.StringIO())
    first = _run_and_roll_back(seed=5)
    assert _run_and_roll_back(seed=5) == first
    assert _run_and_roll_back(seed=6) != first


def test_without_courses_the_demo_is_seeded_first():
    output = io.StringIO()
    call_command("seed_synthetic", "--businesses", "3", "--learners", "6", stdout=output)
    assert "running seed_demo first" in output.getvalue()
    assert CoursePage.objects.count() == 2
    assert Business.objects.count() == 3 + 1 + evaluation_demo.BUSINESSES  # and the demo's


def test_running_again_adds_fresh_people_and_reuses_mentors_and_cohorts():
    call_command("seed_demo", stdout=io.StringIO())
    for _ in range(2):
        call_command(
            "seed_synthetic", "--businesses", "10", "--learners", "25", stdout=io.StringIO()
        )
    assert _synthetic_learners().count() == 50
    assert Business.objects.count() == 20 + 1 + evaluation_demo.BUSINESSES
    assert Cohort.objects.count() == 2 * synthetic.COHORTS_PER_COURSE + 3  # and the demo's three
    assert User.objects.filter(groups__name=roles.MENTORS).count() == len(synthetic.MENTORS) + 1
    serials = list(Certificate.objects.values_list("serial", flat=True))
    assert len(serials) == len(set(serials))
    assert SerialCounter.objects.get(year=2026).last == len(serials)


def test_a_database_with_many_users_needs_yes():
    User.objects.bulk_create(
        User(full_name=f"Orang {n}", phone=f"+62813{n:08d}", password="!")
        for n in range(synthetic.MAX_USERS_WITHOUT_CONFIRMATION + 1)
    )
    with pytest.raises(CommandError, match="--yes"):
        call_command("seed_synthetic", "--businesses", "1", "--learners", "1", stdout=io.StringIO())
    assert not Business.objects.exists()
    call_command(
        "seed_synthetic", "--businesses", "1", "--learners", "1", "--yes", stdout=io.StringIO()
    )
    assert Business.objects.count() == 1 + 1 + evaluation_demo.BUSINESSES


@pytest.mark.parametrize(
    ("businesses", "learners", "message"),
    [
        (10, 9, synthetic.NOT_ENOUGH_LEARNERS),
        (0, 0, synthetic.NOT_ENOUGH_LEARNERS),
        (2, 13, "at most 12 learners"),
    ],
)
def test_numbers_that_cannot_work_are_refused(businesses, learners, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        synthetic_command(businesses, learners)
    assert not Business.objects.exists()


def synthetic_command(businesses, learners):
    call_command(
        "seed_synthetic",
        "--businesses",
        str(businesses),
        "--learners",
        str(learners),
        stdout=io.StringIO(),
    )
