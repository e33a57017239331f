"""Arbitrary text into every public form field and URL parameter: never a 5xx, and nothing
written, or (for free text a person may really type) nothing written that is not clean.

The text mixes what breaks sites (NUL, lone surrogates, superscript and other scripts' digits,
right-to-left and zero-width marks, 100,000 characters) with hypothesis's own. It travels as a
client would send it: UTF-8 bytes on the wire (a lone surrogate as its raw bytes, which Django
reads as U+FFFD), or, for forms, sometimes declared as UTF-7, the charset that delivers lone
surrogates (refused outright); drafts are JSON, whose ``\\ud800`` escapes do deliver them.
Runs on SQLite and, with DATABASE_URL, on PostgreSQL (which refuses NUL and lone surrogates, so a
leak there is a 500 rather than a bad row).
"""

import itertools
import json
import os
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from courses import services as course_services
from lms.models import User
from lms.text import is_clean_text
from quizzes import services as quiz_services
from quizzes.models import QuizAttempt, SurveyAnswer, SurveyResponse
from tests.factories import (
    LOAN_SIMULATOR,
    build_course,
    build_knowledge_check,
    build_quiz,
    build_survey,
    lessons_of,
)

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("lms", "courses", "quizzes", "certificates")
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))  # per target; CI may raise it

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfff",
    "\udbff\udc00\udc00",
    "²",
    "¹²³",
    "١٢٣",  # Arabic-Indic digits: isdecimal, not ASCII
    "１２",  # full-width digits
    "\u200f",  # right-to-left mark
    "\u202eabc",  # right-to-left override
    "\u200b\ufeff",  # zero-width space, byte-order mark
    "e\u0301\u0301\u0301",
    "😀👩‍👩‍👧",
    "\r\n\t",
    "%00%2e%2e/",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("http://x")',
    "-1",
    "1e999",
    "NaN",
    "9" * 5000,
    "a" * 100_000,
    "\u200f" + "²" * 100_000,
]

_characters = st.one_of(
    st.characters(), st.sampled_from(["\x00", "\ud800", "\udfff", "²", "\u200f"])
)
nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(_characters, max_size=50),
    st.lists(st.sampled_from(NASTY[:-3]) | st.text(_characters, max_size=5), max_size=6).map(
        "".join
    ),
)

# Every target gets each of these first (hypothesis's explicit examples), then random text.
CLASSICS = ["\x00", "a\x00b", "\ud800", "x\udfff", "²", "١٢", "\u200f\u202eabc", "a" * 100_000]
TOKEN = "3f2b8a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"


def classics(name="text", *, forms=False, **others):
    """Run the target with each of CLASSICS as ``name`` (the other arguments fixed) before
    hypothesis's own examples; for ``forms``, lone surrogates also go as UTF-7."""

    def decorate(test):
        for sample in CLASSICS:
            sent = [{"charset": "utf-8"}] if forms else [{}]
            if forms and not is_clean_text(sample.replace("\x00", "")):
                sent.append({"charset": "utf-7"})
            for extra in sent:
                test = example(**{name: sample}, **extra, **others)(test)
        return test

    return decorate


_addresses = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))
_phones = (f"0813 {n:04d} {n:04d}" for n in itertools.count(1001))


def _wire(text: str, charset: str = "utf-8") -> str:
    """Percent-encoded bytes of ``text`` as a client sends them."""
    errors = "surrogatepass" if charset == "utf-8" else "strict"
    return quote(text.encode(charset, errors), safe="")


def query(params: dict) -> str:
    return "&".join(f"{_wire(key)}={_wire(value)}" for key, value in params.items())


def post_form(client, url, fields: dict, charset="utf-8"):
    address = next(_addresses)
    if charset == "utf-8":
        return client.post(
            url,
            query(fields),
            content_type="application/x-www-form-urlencoded",
            REMOTE_ADDR=address,
        )
    boundary = "fuzz-boundary-7b3f"
    body = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    body = (body + f"--{boundary}--\r\n").encode("utf-7")
    content_type = f"multipart/form-data; boundary={boundary}; charset=utf-7"
    return client.generic("POST", url, body, content_type=content_type, REMOTE_ADDR=address)


def get(client, url, params=None):
    return client.get(f"{url}?{query(params)}" if params else url, REMOTE_ADDR=next(_addresses))


def row_counts() -> dict:
    return {
        model._meta.label: model._default_manager.count()
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
    }


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def assert_stored_text_is_clean():
    """Every text the project's tables hold is clean and within its column's length."""
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [
                field
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField | models.JSONField)
                and field.model is model
            ]
            names = [field.attname for field in fields]
            for row in model._default_manager.values_list(*names) if names else []:
                for field, value in zip(fields, row, strict=True):
                    for text in _strings(value):
                        assert is_clean_text(text), (model, field.name, text[:50])
                        limit = getattr(field, "max_length", None)
                        assert limit is None or len(text) <= limit, (model, field.name)
    for text in SurveyAnswer.objects.values_list("text", flat=True):
        assert len(text) <= quiz_services.OPEN_ANSWER_MAX_LENGTH


@dataclass
class World:
    learner: User
    course: object
    lesson: object
    quiz: object
    knowledge: object
    survey: object


@pytest.fixture
def world(owner):
    course = build_course(
        weeks=1,
        lessons_per_week=2,
        body=[{"type": "text", "value": "<p>Isi.</p>"}, LOAN_SIMULATOR],
    )
    week = course.get_children().first().specific
    world = World(
        learner=owner,
        course=course,
        lesson=lessons_of(course)[0],
        quiz=build_quiz(week, attempts_allowed=0),
        knowledge=build_knowledge_check(course),
        survey=build_survey(course),
    )
    course_services.enrolment_start(learner=owner, course=course)
    # Past the offer of the questionnaire before the course, which stays open: the lessons open.
    quiz_services.before_skip(learner=owner, course=course)
    return world


@pytest.fixture
def signed_in(world):
    client = Client()
    client.force_login(world.learner)
    return client


FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check(response, before=None):
    assert response.status_code < 500, response.status_code
    if before is not None:
        assert row_counts() == before
    assert_stored_text_is_clean()


# Anonymous forms -------------------------------------------------------------------------------

SIGN_UP_FIELDS = [
    "full_name",
    "phone",
    "email",
    "birth_year",
    "password1",
    "business_choice",
    "business-name",
    "business-sibakul_number",
    "business-sector",
    "business-regency",
    "business-district",
    "join-join_code",
    "guardian_name",
]


@pytest.mark.parametrize("field", SIGN_UP_FIELDS)
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-8", "utf-7"]))
def test_sign_up(db, field, text, charset):
    fields = {
        "full_name": "Ani",
        "phone": next(_phones),
        "email": "",
        "birth_year": "1990",
        "password1": "kata-sandi-ani-1",
        "password2": "kata-sandi-ani-1",
        "business_choice": "join" if field.startswith("join") else "new",
        "business-name": "Warung Ani",
        "business-sector": "culinary",
        "business-regency": "sleman",
        "join-join_code": "ZZZ999",
        "notice_consent": "on",
        field: text,
    }
    if field == "password1":
        fields["password2"] = text
    before = row_counts()
    response = post_form(Client(), reverse("lms:sign_up"), fields, charset)
    # Free text (a name, a district) may be accepted; anything else refuses the whole form.
    check(response, None if response.status_code == 302 else before)


@pytest.mark.parametrize("field", ["username", "password", "next"])
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-8", "utf-7"]))
def test_sign_in(db, owner, field, text, charset):
    fields = {"username": owner.phone, "password": "salah-sandi", field: text}
    before = row_counts()
    check(post_form(Client(), reverse("lms:sign_in"), fields, charset), before)


@classics()
@FUZZ
@given(text=nasty_text)
def test_sign_in_next_in_the_query(db, text):
    check(get(Client(), reverse("lms:sign_in"), {"next": text}), row_counts())


@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-7"]))
def test_password_reset(db, owner, text, charset):
    before = row_counts()
    check(post_form(Client(), reverse("lms:password_reset"), {"email": text}, charset), before)


@classics("uid", token="set-password")
@classics("token", uid="MQ")
@FUZZ
@given(uid=nasty_text, token=nasty_text)
def test_password_reset_link(db, uid, token):
    if "/" in uid + token or not (uid and token):
        return
    url = reverse("lms:password_reset_confirm", args=["UIDB64", "TOKEN"])
    url = url.replace("UIDB64", _wire(uid)).replace("TOKEN", _wire(token))
    check(get(Client(), url), row_counts())


@pytest.mark.parametrize("name", ["sertifikat", "certificate"])
@classics("code")
@FUZZ
@given(code=nasty_text)
def test_certificate_verify(db, name, code):
    if not code or "/" in code:
        return
    prefix = "/sertifikat" if name == "sertifikat" else "/en/certificate"
    check(get(Client(), f"{prefix}/{_wire(code)}/"), row_counts())


@classics(param="next")
@FUZZ
@given(text=nasty_text, param=st.sampled_from(["next", "q", "page", "lang", "preset"]))
def test_any_query_parameter_on_public_pages(db, world, text, param):
    before = row_counts()
    for url in ["/", "/en/", world.course.url, reverse("lms:sign_up")]:
        check(get(Client(), url, {param: text, text: "1"}), before)


@classics("segment")
@FUZZ
@given(segment=nasty_text)
def test_any_page_path(db, world, segment):
    if not segment or "/" in segment:
        return
    before = row_counts()
    for prefix in ["", "/en", world.course.url.rstrip("/")]:
        check(get(Client(), f"{prefix}/{_wire(segment)}/"), before)


# Signed-in forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["full_name", "phone", "email", "birth_year"])
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-8", "utf-7"]))
def test_profile_edit(world, signed_in, field, text, charset):
    fields = {"full_name": "Sumarni", "phone": world.learner.phone, "email": "", field: text}
    before = row_counts()
    response = post_form(signed_in, reverse("lms:profile_edit"), fields, charset)
    check(response, before)  # an edit changes the learner's row, never the number of rows


@pytest.mark.parametrize("field", ["old_password", "new_password1", "new_password2"])
@classics()
@FUZZ
@given(text=nasty_text)
def test_password_change(world, signed_in, field, text):
    fields = {"old_password": "salah", "new_password1": "baru-1234", "new_password2": "baru-1234"}
    before = row_counts()
    check(post_form(signed_in, reverse("lms:password_change"), {**fields, field: text}), before)


@pytest.mark.parametrize(
    "field", ["business-name", "business-sibakul_number", "business-sector", "business-district"]
)
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-7"]))
def test_business_register(db, learners_group, field, text, charset):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(groups=[learners_group]))
    fields = {
        "business-name": "Warung",
        "business-sector": "culinary",
        "business-regency": "sleman",
        field: text,
    }
    before = row_counts()
    response = post_form(client, reverse("lms:business_register"), fields, charset)
    check(response, None if response.status_code == 302 else before)


@pytest.mark.parametrize(
    ("url_name", "field"),
    [("lms:business_join", "join-join_code"), ("courses:cohort_join", "join_code")],
)
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-7"]))
def test_join_codes(world, signed_in, url_name, field, text, charset):
    before = row_counts()
    check(post_form(signed_in, reverse(url_name), {field: text}, charset), before)


@classics("code")
@FUZZ
@given(code=nasty_text)
def test_cohort_code_in_the_address(world, signed_in, code):
    if not code or "/" in code:
        return
    url = reverse("courses:cohort_join_code", args=["CODE"]).replace("CODE", _wire(code))
    check(get(signed_in, url), row_counts())


@classics()
@FUZZ
@given(text=nasty_text | st.sampled_from(["1", "0", "99999999999999999999"]))
def test_lesson_done_next(world, signed_in, text):
    url = reverse("courses:lesson_done", args=[world.lesson.pk])
    response = post_form(signed_in, url, {"next": text})
    assert response.status_code == 302
    assert response["Location"] in {lesson.url for lesson in lessons_of(world.course)}
    check(response)


@classics()
@FUZZ
@given(text=nasty_text | st.sampled_from(["1", "0", "99999999999999999999"]))
def test_questionnaire_skip_next(world, signed_in, text):
    url = reverse("quizzes:before_skip", args=[world.course.pk])
    response = post_form(signed_in, url, {"next": text})
    assert response.status_code == 302
    lessons = {lesson.url for lesson in lessons_of(world.course)}
    assert response["Location"] in {world.course.url, *lessons}
    check(response)


@classics(digits="99999999999")
@FUZZ
@given(digits=st.text("0123456789", min_size=1, max_size=5000), text=nasty_text)
def test_numbers_in_addresses(world, signed_in, digits, text):
    """Ids that name nothing (leading zeros, thousands of digits) are a 404, never a 500."""
    if digits.lstrip("0") in {str(pk) for pk in Page.objects.values_list("pk", flat=True)}:
        return  # a real page: lesson_done and the like may rightly write
    before = row_counts()
    for name in [
        "courses:course_start",
        "courses:lesson_done",
        "quizzes:submit",
        "quizzes:survey_submit",
        "quizzes:before_skip",
        "certificates:issue",
    ]:
        url = reverse(name, args=[1]).replace("/1/", f"/{digits}/", 1)
        check(post_form(signed_in, url, {"next": text, "token": text}), before)
    for name in ["quizzes:attempt", "certificates:download"]:
        check(get(signed_in, reverse(name, args=[1]).replace("/1/", f"/{digits}/", 1)), before)


@pytest.mark.parametrize("param", ["principal", "annual_rate", "tenor_months", "method", "preset"])
@classics()
@FUZZ
@given(text=nasty_text)
def test_loan_simulator(world, signed_in, param, text):
    params = {
        "loan-sim1-principal": "10.000.000",
        "loan-sim1-annual_rate": "6",
        "loan-sim1-tenor_months": "12",
        "loan-sim1-method": "flat",
        f"loan-sim1-{param}": text,
    }
    response = get(signed_in, world.lesson.url, params)
    assert response.status_code == 200
    check(response, None)


@pytest.mark.parametrize("assessment", ["quiz", "knowledge"])
@pytest.mark.parametrize("field", ["token", "q-q1", "q-q2", "q-q3", "q-q4", "q-unknown"])
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-8", "utf-7"]))
def test_quiz_submission(world, signed_in, assessment, field, text, charset):
    page = getattr(world, assessment)
    fields = {
        "token": TOKEN,
        "q-q1": "c2",
        "q-q2": "c3",
        "q-q3": "false",
        "q-q4": "1",
        field: text,
    }
    QuizAttempt.objects.filter(page=page).delete()  # the questionnaire is answered once
    before = row_counts()
    response = post_form(signed_in, reverse("quizzes:submit", args=[page.pk]), fields, charset)
    # An answer that happens to be valid records the attempt; anything else records nothing.
    assert response.status_code in {302, 400, 403}
    check(response, None if response.status_code == 302 else before)


@classics("value", key="q4", token=TOKEN, shape="list")
@classics("key", value="1", token=TOKEN, shape="list")
@FUZZ
@given(
    key=st.sampled_from(["q1", "q2", "q4", "unknown"]) | nasty_text,
    value=nasty_text,
    token=st.just(TOKEN) | nasty_text,
    shape=st.sampled_from(["list", "value", "nested"]),
)
def test_quiz_draft(world, signed_in, key, value, token, shape):
    answer = {"list": [value], "value": value, "nested": [[value]]}[shape]
    body = json.dumps({"token": token, "answers": {key: answer}})
    before = row_counts()
    response = signed_in.post(
        reverse("quizzes:draft", args=[world.quiz.pk]), body, content_type="application/json"
    )
    assert response.status_code in {204, 400}
    check(response, None if response.status_code == 204 else before)


@example(body=json.dumps({"token": TOKEN, "answers": {"q4": ["\x00"]}}).encode())
@example(body=json.dumps({"token": TOKEN, "answers": {"q4": ["\ud800"]}}).encode())
@FUZZ
@given(body=st.binary(max_size=200) | nasty_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_quiz_draft_body(world, signed_in, body):
    before = row_counts()
    response = signed_in.post(
        reverse("quizzes:draft", args=[world.quiz.pk]), body, content_type="application/json"
    )
    assert response.status_code == 400
    check(response, before)


@pytest.mark.parametrize("field", ["q-l1", "q-o1", "q-o2", "q-unknown"])
@classics(forms=True)
@FUZZ
@given(text=nasty_text, charset=st.sampled_from(["utf-8", "utf-8", "utf-7"]))
def test_survey_submission(world, signed_in, field, text, charset):
    fields = {"q-l1": "5", "q-l2": "4", "q-l3": "3", "q-o1": "Bagus", "q-o2": "", field: text}
    SurveyResponse.objects.all().delete()  # a survey is answered once
    before = row_counts()
    url = reverse("quizzes:survey_submit", args=[world.survey.pk])
    response = post_form(signed_in, url, fields, charset)
    assert response.status_code in {302, 400}
    check(response, None if response.status_code == 302 else before)


@classics()
@FUZZ
@given(text=nasty_text)
def test_sign_out_next(world, text):
    client = Client()
    client.force_login(world.learner)
    check(post_form(client, reverse("lms:sign_out"), {"next": text}))


def test_the_nasty_samples_reach_every_target():
    """The samples include each kind of text the issue names."""
    joined = "".join(NASTY)
    for needle in ["\x00", "\ud800", "²", "\u200f"]:
        assert needle in joined
    assert max(map(len, NASTY)) >= 100_000
