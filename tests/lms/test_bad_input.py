"""Input no person means to send (NUL, lone surrogates, superscript digits, huge text) is refused
or cleaned at the edge: never a 500 and nothing half written. The property test that sends such
text to every public field is tests/lms/test_fuzz_public_inputs.py."""

import json
import uuid

import pytest
from django.urls import reverse

from certificates.models import CertificateTemplate
from courses.models import Cohort, LessonCompletion
from lms.models import User
from lms.text import clean_text, strict_int
from quizzes.models import AnswerDraft, SurveyAnswer, SurveyResponse
from tests.factories import (
    build_course,
    build_loan_simulator_course,
    build_survey,
    lessons_of,
)

pytestmark = pytest.mark.django_db

NASTY = ["\x00", "a\x00b", "\ud800", "x\udfffy", "²", "\u200f٣\u200e"]


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=2)


@pytest.mark.parametrize(
    "path", ["/sertifikat/%00/", "/en/certificate/%00/", "/en/sertifikat/%00/"]
)
def test_certificate_verify_with_a_nul_in_the_code_is_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("next_value", ["²", "١", "9" * 40, "9" * 10, "-1", " 1"])
def test_lesson_done_with_a_next_that_is_not_a_plain_number_returns_to_the_lesson(
    client, learner, course, next_value
):
    lesson = lessons_of(course)[0]
    response = client.post(reverse("courses:lesson_done", args=[lesson.pk]), {"next": next_value})
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


@pytest.mark.parametrize("preset", ["²", "١", "9" * 5000, "-0"])
def test_loan_simulator_ignores_a_preset_that_is_not_a_plain_number(client, owner, preset):
    course = build_loan_simulator_course(learner=owner, slug="kursus-pinjaman")
    client.force_login(owner)
    response = client.get(
        lessons_of(course)[0].url,
        {
            "loan-sim1-principal": "1.000.000",
            "loan-sim1-annual_rate": "0",
            "loan-sim1-tenor_months": "2",
            "loan-sim1-method": "flat",
            "loan-sim1-preset": preset,
        },
    )
    assert response.status_code == 200
    assert "Rp 500.000" in response.content.decode()  # the typed figures, no preset applied


def post_draft(client, quiz, answers):
    body = json.dumps({"token": str(uuid.uuid4()), "answers": answers})  # escapes \ud800
    return client.post(
        reverse("quizzes:draft", args=[quiz.pk]), body, content_type="application/json"
    )


@pytest.mark.parametrize("value", ["\x00", "1\x00", "\ud800", "1\udfff"])
def test_quiz_draft_with_a_nul_or_lone_surrogate_is_refused_and_not_stored(
    client, learner, quiz, value
):
    assert post_draft(client, quiz, {"q4": [value]}).status_code == 400
    assert not AnswerDraft.objects.exists()


def test_quiz_draft_with_plain_answers_is_still_stored(client, learner, quiz):
    assert post_draft(client, quiz, {"q1": ["c1"], "q4": ["600.000"]}).status_code == 204
    assert AnswerDraft.objects.get().answers == {"q1": ["c1"], "q4": ["600.000"]}


def survey_answers(**overrides):
    return {"q-l1": "5", "q-l2": "4", "q-l3": "3", "q-o1": "Video tipsnya", "q-o2": "", **overrides}


def test_survey_open_answer_keeps_the_text_without_its_nul(client, learner, course):
    survey = build_survey(course)
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]),
        survey_answers(**{"q-o1": "Video\x00 tipsnya", "q-o2": "\x00"}),
    )
    assert response.status_code == 302
    stored = {answer.item_id: answer.text for answer in SurveyAnswer.objects.all()}
    assert stored["o1"] == "Video tipsnya"
    assert stored["o2"] == ""
    assert SurveyResponse.objects.get().answers["o1"]["value"] == "Video tipsnya"


def test_survey_required_answer_of_only_nul_is_refused(client, learner, course):
    survey = build_survey(course)
    response = client.post(
        reverse("quizzes:survey_submit", args=[survey.pk]), survey_answers(**{"q-o1": "\x00 "})
    )
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x00b", "ab"),
        ("\ud800x", "\ufffdx"),
        ("x\udfff", "x\ufffd"),
        ("😀\u200fبا", "😀\u200fبا"),  # real characters and direction marks stay
        ("\U0001f600", "\U0001f600"),
    ],
)
def test_clean_text_drops_nul_and_replaces_lone_surrogates(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "value"),
    [("0", 0), ("12", 12), ("²", None), ("١٢", None), ("-1", None), ("+1", None), (" 1", None)]
    + [("1" * 30, None), ("", None), ("1.0", None)],
)
def test_strict_int_reads_only_plain_ascii_digits(raw, value):
    assert strict_int(raw, maximum=10**9) == value


def utf7_multipart(fields: dict) -> tuple[bytes, str]:
    """A form body declared as UTF-7, a charset whose decoder yields lone surrogates ("+2AA-" is
    U+D800): how a client can smuggle one into a form field. Only U+D800 is spelled in UTF-7."""
    boundary = "grens"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    body = "".join(parts) + f"--{boundary}--\r\n"
    return body.replace("\ud800", "+2AA-").encode(), (
        f"multipart/form-data; boundary={boundary}; charset=utf-7"
    )


def test_a_form_in_a_charset_other_than_utf8_is_refused_before_anything_is_written(client):
    body, content_type = utf7_multipart(
        {
            "full_name": "Ani \ud800",
            "phone": "0812 3456 7001",
            "password1": "kata-sandi-ani-1",
            "password2": "kata-sandi-ani-1",
            "business_choice": "new",
            "business-name": "Warung \ud800",
            "business-sector": "culinary",
            "business-regency": "sleman",
        }
    )
    users = User.objects.count()
    response = client.generic("POST", reverse("lms:sign_up"), body, content_type=content_type)
    assert response.status_code == 400
    assert User.objects.count() == users


def test_a_query_in_a_charset_other_than_utf8_is_refused(client):
    response = client.get(
        reverse("lms:sign_in"), {"next": "+2AA-"}, CONTENT_TYPE="text/plain; charset=utf-7"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=utf-8",
        "multipart/form-data; boundary=grens; charset=UTF-8",
        "multipart/form-data; boundary=grens; charset=us-ascii",
        "multipart/form-data; boundary=grens",
    ],
)
def test_forms_in_utf8_or_ascii_are_read_as_before(client, content_type):
    if content_type.startswith("multipart"):
        body = (
            '--grens\r\nContent-Disposition: form-data; name="username"\r\n\r\n0812\r\n'
            "--grens--\r\n"
        )
    else:
        body = "username=0812&password=x"
    response = client.post(reverse("lms:sign_in"), body, content_type=content_type)
    assert response.status_code == 200  # the form again, with its errors


@pytest.mark.parametrize("digits", ["10000000000000000000", "9" * 5000, "0" * 19 + "1"])
@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("courses:course_start", "post"),
        ("courses:lesson_done", "post"),
        ("quizzes:submit", "post"),
        ("quizzes:draft", "post"),
        ("quizzes:survey_submit", "post"),
        ("quizzes:attempt", "get"),
        ("certificates:download", "get"),
        ("certificates:issue", "post"),
        ("lms:business_member_remove", "post"),
    ],
)
def test_an_id_in_the_address_past_any_database_id_is_not_found(
    client, learner, name, method, digits
):
    """SQLite cannot even compare an integer past 2**63; such an address names nothing."""
    url = reverse(name, args=[1]).replace("/1/", f"/{digits}/", 1)
    assert getattr(client, method)(url).status_code == 404


@pytest.mark.parametrize("model", [Cohort, CertificateTemplate], ids=lambda model: model.__name__)
def test_a_snippet_choosers_create_tab_refuses_instead_of_failing(admin_client, model):
    """No snippet is created from its chooser; Wagtail answered such a POST with a 500."""
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("create"))
    count = model.objects.count()
    assert admin_client.post(url, {"name": "Baru"}).status_code < 500
    assert model.objects.count() == count
