"""`make bench` (mentoring): the class roster, its export and the review queue for a class of
200 learners. Floor: each under 300 ms, with as many queries as for a class of 20.

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates; its rows are made and measured in a transaction rolled back at the end: still, never
point it at real data). Builds a four-week course of five lessons a
week with a quiz and an assignment each week (every other one per business), a mentor's class
in its third week of 200 learners in 100 businesses with lessons done, quiz attempts and
hand-ins in each state, then times each page as the mentor opens it.
"""

import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal

from bench import setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 30
LEARNERS = 200
SMALL = 20
FLOOR_MS = 300
UNUSABLE = "!"  # no password: nobody signs in as these learners


def measure(client, url, params=None):
    """Median milliseconds of ``RUNS`` requests (a streamed body read to its end), and the
    queries of the last."""
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, params or {})
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(queries)


def seed():
    """The course, the mentor and the class (``LEARNERS`` learners, two to a business)."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from courses.models import Cohort, Enrolment, LessonCompletion, WeekPage
    from lms import roles
    from lms.models import Business, Membership, Regency, Sector, User
    from mentoring.models import State, Submission
    from quizzes.models import Phase, QuizAttempt, QuizPage
    from tests.factories import build_assignment, build_course, build_quiz, lessons_of

    course = build_course(weeks=4, lessons_per_week=5, slug="bench-mentoring")
    assignments = []
    for number, week in enumerate(WeekPage.objects.child_of(course).order_by("path"), start=1):
        build_quiz(week)
        assignments.append(build_assignment(week, per_business=number % 2 == 0))
    quizzes = list(QuizPage.objects.descendant_of(course).order_by("path"))
    lessons = lessons_of(course)
    mentor = User.objects.create_user(
        "mentor-bench@pintar-umkm.test", "kata-sandi-bench-1", full_name="Mentor Bench"
    )
    mentor.groups.add(Group.objects.get(name=roles.MENTORS))
    cohort = Cohort.objects.create(
        name="Kelas Bench",
        course=course,
        start_date=timezone.localdate() - timedelta(days=15),
        mentor=mentor,
    )
    learners_group = Group.objects.get(name=roles.LEARNERS)
    businesses = Business.objects.bulk_create(
        Business(name=f"Usaha Bench {n}", sector=Sector.CULINARY, regency=Regency.SLEMAN)
        for n in range(LEARNERS // 2)
    )
    learners = User.objects.bulk_create(
        User(full_name=f"Peserta Bench {n:03d}", phone=f"+62815{n:08d}", password=UNUSABLE)
        for n in range(LEARNERS)
    )
    learners_group.user_set.add(*learners)
    Membership.objects.bulk_create(
        Membership(user=learner, business=businesses[n // 2], is_owner=n % 2 == 0)
        for n, learner in enumerate(learners)
    )
    Enrolment.objects.bulk_create(
        Enrolment(learner=learner, course=course, cohort=cohort) for learner in learners
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(learner=learner, course=course, lesson=lesson, lesson_title=lesson.title)
        for n, learner in enumerate(learners)
        for lesson in lessons[: n % (len(lessons) + 1)]
    )
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            learner=learner,
            course=course,
            page=quiz,
            phase=Phase.QUIZ,
            number=1,
            title=quiz.title,
            score_percent=Decimal(80 if n % 3 else 40),
            pass_mark_percent=70,
            passed=bool(n % 3),
        )
        for n, learner in enumerate(learners)
        for quiz in quizzes[: n % 4]
    )
    states = [State.HANDED_IN, State.NEEDS_REVISION, State.ACCEPTED, None]
    submissions = []
    for n, learner in enumerate(learners):
        for index, assignment in enumerate(assignments[:3]):
            state = states[(n + index) % len(states)]
            if state is None or (assignment.per_business and n % 2):
                continue  # one hand-in per business: the owner's
            submissions.append(
                Submission(
                    assignment=assignment,
                    course=course,
                    learner=learner,
                    business=businesses[n // 2] if assignment.per_business else None,
                    state=state,
                    assignment_title=assignment.title,
                )
            )
    Submission.objects.bulk_create(submissions)
    return cohort, mentor, learners


def main():
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    with transaction.atomic():  # leaves the database as it found it
        slow = bench()
        transaction.set_rollback(True)
    return 1 if slow else 0


def bench() -> bool:
    """Print the timings; True when a page misses the floor."""
    from django.db import transaction
    from django.urls import NoReverseMatch, reverse

    from courses.models import Enrolment

    cohort, mentor, learners = seed()
    client = Client()
    client.force_login(mentor)
    roster = reverse("mentoring_roster:roster")
    export = reverse("mentoring_roster:export")
    pages = [
        ("class roster", roster, {}),
        ("class roster, behind", roster, {"show": "behind"}),
        ("roster export (CSV)", export, {"cohort": cohort.pk, "export": "csv"}),
        ("roster export (XLSX)", export, {"cohort": cohort.pk, "export": "xlsx"}),
    ]
    try:
        pages.append(("review queue", reverse("mentoring_review:queue"), {}))
    except NoReverseMatch:
        print("review queue: not measured (mentoring_review:queue is not there yet)")
    for _name, url, params in pages:
        client.get(url, params)  # warm the session, permissions and page-tree caches

    with transaction.atomic():  # the same pages for a class of SMALL: the queries to match
        Enrolment.objects.filter(learner__in=learners[SMALL:]).delete()
        small = {name: _count(client, url, params) for name, url, params in pages}
        transaction.set_rollback(True)

    print(
        f"Mentoring, a class of {LEARNERS} learners on {connection.vendor}: median of {RUNS} "
        "runs through Django's test client"
    )
    print(f"{'what':<26} {'median ms':>10} {'queries':>8} {f'at {SMALL}':>7}")
    slow = False
    for name, url, params in pages:
        ms, queries = measure(client, url, params)
        slow = slow or ms >= FLOOR_MS or queries != small[name]
        print(f"{name:<26} {ms:>10.1f} {queries:>8} {small[name]:>7}")
    verdict = "OVER the floor" if slow else "within the floor"
    print(f"floor: under {FLOOR_MS} ms, queries as for {SMALL} learners: {verdict}")
    return slow


def _count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


if __name__ == "__main__":
    sys.exit(main())
