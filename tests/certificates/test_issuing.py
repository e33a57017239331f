import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, SerialCounter
from lms.models import User

pytestmark = pytest.mark.django_db


def test_the_step_that_meets_the_rule_issues_the_certificate(client, course, learner, steps):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    assert not Certificate.objects.exists()

    response = steps.survey()

    certificate = Certificate.objects.get()
    assert response["Location"] == reverse("certificates:mine")
    assert (certificate.learner, certificate.course_id) == (learner, course.pk)
    assert certificate.holder_name == "Sumarni"
    assert certificate.business_name == "Batik Sumarni"
    assert certificate.course_title == course.title
    assert certificate.mentor_name == "Rina"
    assert certificate.completed_on == timezone.localdate()
    year = timezone.localdate().year
    assert certificate.serial == f"PU-{year}-000001"
    assert re.fullmatch(r"[A-Za-z0-9_-]{22,}", certificate.code)
    assert certificate.template.name == "Sertifikat standar"
    page = client.get(response["Location"]).content.decode()
    assert certificate.serial in page
    assert reverse("certificates:download", args=[certificate.pk]) in page


@pytest.mark.parametrize(
    ("switches", "steps_to_take"),
    [
        (
            {
                "require_quizzes": False,
                "require_post_questionnaire": False,
                "require_survey": False,
            },
            ["lessons"],
        ),
        ({"require_post_questionnaire": False, "require_survey": False}, ["lessons", "quiz"]),
        ({"require_survey": False}, ["lessons", "quiz", "post_questionnaire"]),
        (
            {
                "require_lessons": False,
                "require_quizzes": False,
                "require_post_questionnaire": False,
            },
            ["survey"],
        ),
    ],
)
def test_only_the_switched_on_requirements_count(course, learner, steps, switches, steps_to_take):
    for field, value in switches.items():
        setattr(course, field, value)
    course.save_revision().publish()
    *before, last = steps_to_take
    for step in before:
        getattr(steps, step)()
    assert not Certificate.objects.exists()
    getattr(steps, last)()
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_failing_the_quiz_leaves_the_certificate_unissued(client, course, learner, steps):
    from quizzes.models import QuizPage
    from tests.factories import WRONG_ANSWERS

    steps.lessons()
    steps._answer(QuizPage.objects.descendant_of(course).get(), WRONG_ANSWERS)
    steps.post_questionnaire()
    steps.survey()
    assert not Certificate.objects.exists()
    page = client.get(course.url).content.decode()
    assert page.count('class="requirement"') == 1  # The quiz, still to pass.


def test_the_course_page_lists_what_is_left(client, course, learner, steps):
    steps.lessons()
    page = client.get(course.url).content.decode()
    assert 'class="requirement requirement--met"' in page
    assert page.count('class="requirement"') == 3  # quiz, questionnaire, survey still to do
    steps.quiz()
    steps.post_questionnaire()
    steps.survey()
    page = client.get(course.url).content.decode()
    certificate = Certificate.objects.get()
    assert 'class="requirement' not in page
    assert reverse("certificates:download", args=[certificate.pk]) in page


def test_issued_once_however_often_the_rule_is_met_again(course, learner, steps):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    steps.survey()
    steps.quiz()  # A further attempt, another pass.
    steps.lessons()
    assert services.certificate_issue_if_earned(learner=learner, course=course) is None
    assert Certificate.objects.count() == 1


def test_serials_run_in_order_within_a_year_and_restart_each_year(db):
    year = timezone.localdate().year
    assert services._next_serial(year) == f"PU-{year}-000001"
    assert services._next_serial(year) == f"PU-{year}-000002"
    assert services._next_serial(year + 1) == f"PU-{year + 1}-000001"
    assert SerialCounter.objects.get(year=year).last == 2


def test_the_certificate_keeps_what_it_said_when_names_change(course, learner, steps):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    steps.survey()
    User.objects.filter(pk=learner.pk).update(full_name="Sumarni Rahayu")
    course.title = "Judul baru"
    course.save_revision().publish()
    certificate = Certificate.objects.get()
    assert (certificate.holder_name, certificate.course_title) != ("Sumarni Rahayu", "Judul baru")


def test_a_rule_relaxed_later_lets_the_learner_claim_the_certificate(
    client, course, learner, steps
):
    steps.lessons()
    steps.quiz()
    steps.post_questionnaire()
    course.require_survey = False
    course.save_revision().publish()
    page = client.get(course.url).content.decode()
    assert reverse("certificates:issue", args=[course.pk]) in page

    response = client.post(reverse("certificates:issue", args=[course.pk]))

    assert response["Location"] == reverse("certificates:mine")
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_claiming_before_the_rule_is_met_says_so_and_issues_nothing(client, course, learner):
    response = client.post(reverse("certificates:issue", args=[course.pk]), follow=True)
    assert str(services.NOT_COMPLETE) in response.content.decode()
    assert not Certificate.objects.exists()


def test_nobody_outside_the_course_gets_a_certificate(course, other_owner):
    assert services.certificate_issue_if_earned(learner=other_owner, course=course) is None
    with pytest.raises(ValidationError):
        services.certificate_issue(learner=other_owner, course=course)
    assert not Certificate.objects.exists()
