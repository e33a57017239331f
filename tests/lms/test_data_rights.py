"""A learner's data rights: download everything held about them, delete (anonymise) their
account. Built on the report tests' province (tests/reports/conftest.py): a1 owns business A,
a2 is A's other member; a1 answered the survey, passed quizzes and holds the one certificate."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation

from certificates.models import Certificate
from courses.models import CourseCompletion, Enrolment, LessonCompletion
from lms import data_rights, roles
from lms.models import Business, Membership, User
from quizzes.models import AnswerDraft, QuizAttempt, SurveyAnswer, SurveyResponse
from reports import selectors as report_selectors
from tests.factories import PASSWORD
from tests.reports.conftest import coordinator_client, province  # noqa: F401 - fixtures
from tests.reports.links import url

pytestmark = pytest.mark.django_db

NAME = "Siti Aminah"
PHONE = "+6281234567890"
EMAIL = "siti@example.org"
OPEN_ANSWER = "Video cara memotret produk."
DELETE = reverse("lms:account_delete")


@pytest.fixture
def siti(province):  # noqa: F811 - the fixture imported above
    """a1 with a name, a mobile number, an email and a birth year anyone could recognise."""
    User.objects.filter(pk=province.a1.pk).update(
        full_name=NAME, phone=PHONE, email=EMAIL, birth_year=1990
    )
    province.a1.refresh_from_db()
    AnswerDraft.objects.create(
        learner=province.a1, page=province.quiz2, answers={"q1": ["Jawaban draf"]}
    )
    return province


def read_zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def csv_rows(archive, name):
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def personal_bytes(values=(NAME, EMAIL, "81234567890", "0812 3456 7890", "812-3456-7890")):
    return [value.encode() for value in values]


# --- Download my data -------------------------------------------------------------------------


def test_every_table_with_a_key_to_the_user_is_exported_or_named_as_staff_only():
    """A model added later with a key to the user model fails here until it is put on a list."""
    missing = set(data_rights.user_foreign_keys()) - data_rights.covered_foreign_keys()
    assert missing == set()


def test_the_zip_holds_a_json_with_every_kind_and_one_csv_per_kind(client, siti):
    client.force_login(siti.a1)
    response = client.get(reverse("lms:data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="data-saya-')
    archive = read_zip(response)
    names = set(archive.namelist())
    assert names == {"README.txt", "data.json"} | {f"{k.name}.csv" for k in data_rights.KINDS}
    data = json.loads(archive.read("data.json"))
    assert data["user_id"] == siti.a1.pk
    assert data["profile"][0]["full_name"] == NAME
    assert data["profile"][0]["phone"] == PHONE
    assert data["business"] == [
        {
            "business_id": siti.a1.membership.business_id,
            "business_name": "A",
            "sibakul_number": None,
            "sector": "culinary",
            "regency": "sleman",
            "district": "",
            "join_code": siti.a1.membership.business.join_code,
            "is_owner": True,
            "joined_at": data["business"][0]["joined_at"],
        }
    ]
    # By hand (tests/reports/conftest.py): 4 lessons; quiz w1 once, quiz w2 twice, 4 questions
    # each; the questionnaire before (1 attempt) and after (1 attempt); 5 survey items.
    assert len(data["enrolments"]) == 1
    assert len(data["lesson_completions"]) == 4
    assert len(data["course_completions"]) == 1
    assert len(data["quiz_attempts"]) == 3 * 4
    assert len(data["questionnaire_answers"]) == 2 * 4
    assert len(data["survey_answers"]) == 5
    assert len(data["answer_drafts"]) == 1
    assert [c["status"] for c in data["certificates"]] == ["valid"]
    survey = {row["item_id"]: row["answer"] for row in data["survey_answers"]}
    assert survey["o1"] == OPEN_ANSWER
    quiz = csv_rows(archive, "quiz_attempts.csv")
    assert len(quiz) == 12
    first = quiz[0]
    assert (first["question_number"], first["question"], first["answer_given"]) == (
        "1",
        "Apa itu OJK?",
        "Pengawas lembaga keuangan",
    )
    assert first["score_percent"] == "100,00"  # a decimal comma, as in every CSV of the site
    assert [row["question_score"] for row in quiz[4:8]] == ["1", "0", "0", "0"]  # quiz w2, 25
    profile = csv_rows(archive, "profile.csv")
    assert profile[0]["full_name"] == NAME


def test_the_download_is_recorded_in_the_audit_log(client, siti):
    from wagtail.models import ModelLogEntry

    client.force_login(siti.a1)
    client.get(reverse("lms:data_download"))
    entry = ModelLogEntry.objects.get(action="pintar.export_personal_data")
    assert (entry.user_id, entry.object_id) == (siti.a1.pk, str(siti.a1.pk))
    assert entry.data == {"report": "lms.own_data", "format": "zip", "filters": {}}


def test_every_model_with_rows_about_the_learner_appears_in_the_zip(client, siti):
    """Each exported table that holds a row for a1 gives at least one row in the ZIP."""
    client.force_login(siti.a1)
    data = json.loads(read_zip(client.get(reverse("lms:data_download"))).read("data.json"))
    held = {
        "business": Membership,
        "enrolments": Enrolment,
        "lesson_completions": LessonCompletion,
        "course_completions": CourseCompletion,
        "survey_answers": SurveyResponse,
        "answer_drafts": AnswerDraft,
        "certificates": Certificate,
    }
    for kind, model in held.items():
        field = "user" if model is Membership else "learner"
        assert model.objects.filter(**{field: siti.a1}).exists()
        assert data[kind], kind
    assert QuizAttempt.objects.filter(learner=siti.a1).count() == 5
    assert len({row["attempt_id"] for row in data["quiz_attempts"]}) == 3
    assert len({row["attempt_id"] for row in data["questionnaire_answers"]}) == 2


def test_the_zip_holds_nobody_elses_data(client, siti):
    """a2 shares a1's business and class; nothing of a2's (name, phone, answers) is in a1's ZIP.
    (a2 gets a name no id or token in the files could spell by chance, as "a2" could.)"""
    User.objects.filter(pk=siti.a2.pk).update(full_name="Wulandari Anggota")
    client.force_login(siti.a1)
    archive = read_zip(client.get(reverse("lms:data_download")))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    a2 = User.objects.get(pk=siti.a2.pk)
    for value in (a2.full_name.encode(), a2.phone.encode(), siti.rina.phone.encode()):
        assert value not in everything
    data = json.loads(archive.read("data.json"))
    assert {row["attempt_id"] for row in data["quiz_attempts"]} <= set(
        QuizAttempt.objects.filter(learner=siti.a1).values_list("pk", flat=True)
    )


def test_the_download_reads_a_bounded_number_of_queries(
    client, siti, django_assert_max_num_queries
):
    client.force_login(siti.a1)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("lms:data_download"))
        b"".join(response.streaming_content)


def test_deleting_clears_what_the_site_kept_on_the_phone(client, siti):
    client.force_login(siti.a2)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert response.cookies["pintar-signed-out"].value == "1"  # for offline.js
    assert client.get(reverse("lms:account_deleted")).status_code == 200


def test_a_member_sees_no_join_code_and_the_page_lists_what_is_held(client, siti):
    client.force_login(siti.a2)
    data = json.loads(read_zip(client.get(reverse("lms:data_download"))).read("data.json"))
    assert data["business"][0]["join_code"] is None
    page = client.get(reverse("lms:data_mine"))
    assert page.status_code == 200
    for link in ("lms:data_download", "lms:profile_edit", "lms:account_delete"):
        assert reverse(link).encode() in page.content


def test_data_pages_need_a_signed_in_learner(client):
    for name in ("lms:data_mine", "lms:data_download", "lms:account_delete"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("lms:sign_in"))


# --- Delete my account -------------------------------------------------------------------------


def snapshot(world):
    a1 = User.objects.get(pk=world.a1.pk)
    return (
        (a1.full_name, a1.phone, a1.email, a1.birth_year, a1.is_active, a1.password),
        list(Membership.objects.order_by("pk").values_list("user", "business", "is_owner")),
        list(Business.objects.order_by("pk").values_list("name", "sibakul_number")),
        list(SurveyAnswer.objects.order_by("pk").values_list("text", flat=True)),
        list(Certificate.objects.order_by("pk").values_list("revoked_at", "holder_name")),
        AnswerDraft.objects.count(),
    )


@pytest.mark.parametrize("password", ["salah-sandi", "", "\x00" + PASSWORD, "x" * 100_000])
def test_a_wrong_password_says_so_and_changes_nothing(client, siti, password):
    client.force_login(siti.a1)
    before = snapshot(siti)
    response = client.post(DELETE, {"password": password, "new_owner": siti.a2.pk})
    assert response.status_code == 200
    assert snapshot(siti) == before
    assert client.get(reverse("lms:profile")).status_code == 200  # still signed in
    form = response.context["form"]
    assert form.errors["password"]


def test_text_no_form_sends_is_a_wrong_password_not_an_error(siti):
    assert data_rights.password_matches(siti.a1, PASSWORD)
    for typed in (PASSWORD + "\ud800", PASSWORD + "\x00", None, "x" * 100_000):
        assert not data_rights.password_matches(siti.a1, typed)


def test_the_wrong_password_message_is_clear(client, siti):
    client.force_login(siti.a1)
    response = client.post(DELETE, {"password": "salah-sandi", "new_owner": siti.a2.pk})
    assert str(data_rights.WRONG_PASSWORD) in response.content.decode()


def test_wrong_passwords_are_throttled_per_account(client, siti, settings):
    settings.ACCOUNT_DELETE_PASSWORD_RATE = "3/15m"
    client.force_login(siti.a1)
    before = snapshot(siti)
    for _ in range(3):
        assert (
            client.post(DELETE, {"password": "salah", "new_owner": siti.a2.pk}).status_code == 200
        )
    # Locked now: even the right password is refused until the window ends.
    response = client.post(DELETE, {"password": PASSWORD, "new_owner": siti.a2.pk})
    assert response.status_code == 429
    assert snapshot(siti) == before
    # Another account on the same phone is not locked by a1's failures.
    client.force_login(siti.b1)
    assert client.post(DELETE, {"password": "salah"}).status_code == 200


def test_an_owner_with_members_must_hand_over_first(client, siti):
    client.force_login(siti.a1)
    before = snapshot(siti)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 200
    assert str(data_rights.HAND_OVER_FIRST) in response.content.decode()
    assert snapshot(siti) == before
    # A member of another business cannot be chosen.
    response = client.post(DELETE, {"password": PASSWORD, "new_owner": siti.b1.pk})
    assert response.status_code == 200
    assert snapshot(siti) == before


def test_handing_over_makes_the_chosen_member_the_owner(client, siti):
    client.force_login(siti.a1)
    page = client.get(DELETE)
    assert f'<option value="{siti.a2.pk}">{siti.a2.full_name}</option>'.encode() in page.content
    assert f'<option value="{siti.b1.pk}">'.encode() not in page.content
    assert f">{siti.b1.full_name}<".encode() not in page.content
    response = client.post(DELETE, {"password": PASSWORD, "new_owner": siti.a2.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:account_deleted")
    business = Business.objects.get(pk=siti.a1.membership.business_id)
    assert business.name == "A"  # the business goes on with a2
    assert Membership.objects.get(user=siti.a2).is_owner
    assert not Membership.objects.get(user=siti.a1).is_owner


def test_deleting_anonymises_signs_out_and_lands_on_the_done_page(client, siti):
    client.force_login(siti.a1)
    other_phone = type(client)()
    other_phone.force_login(siti.a1)
    response = client.post(DELETE, {"password": PASSWORD, "new_owner": siti.a2.pk}, follow=True)
    assert response.redirect_chain == [(reverse("lms:account_deleted"), 302)]
    assert not response.context["user"].is_authenticated
    a1 = User.objects.get(pk=siti.a1.pk)
    assert a1.full_name == "Akun dihapus"
    assert a1.phone is None
    assert a1.email == f"deleted-{a1.pk}@akun-dihapus.invalid"
    assert a1.birth_year is None
    assert not a1.has_usable_password()
    assert not a1.is_active
    assert a1.anonymised_at is not None
    # The session on the other phone has ended too.
    assert other_phone.get(reverse("lms:profile")).status_code == 302
    # Open answers and drafts are gone; scores and completions stay.
    assert set(
        SurveyAnswer.objects.filter(response__learner=a1).values_list("text", flat=True)
    ) <= {""}
    response_row = SurveyResponse.objects.get(learner=a1)
    assert response_row.answers["o1"]["value"] == ""
    assert response_row.answers["l1"]["value"] == 5
    assert not AnswerDraft.objects.filter(learner=a1).exists()
    assert QuizAttempt.objects.filter(learner=a1).count() == 5
    assert LessonCompletion.objects.filter(learner=a1).count() == 4
    # The action log records it, as done by the person themselves.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="pintar.account_delete", object_id=str(a1.pk))
    assert entry.data == {"by": "self"}
    assert entry.user_id == a1.pk
    assert entry.label == "Akun dihapus"


def test_the_certificate_page_says_withdrawn_at_the_holders_request(client, siti):
    certificate = Certificate.objects.get(learner=siti.a1)
    client.force_login(siti.a1)
    client.post(DELETE, {"password": PASSWORD, "new_owner": siti.a2.pk})
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Ditarik atas permintaan pemegang"
    assert certificate.holder_name == "Akun dihapus"
    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert page.status_code == 200
    withdrawn = translation.gettext(
        "This certificate was withdrawn on %(date)s at the request of its holder."
    )
    assert withdrawn.split("%(date)s")[0] in page.content.decode()
    for value in personal_bytes():
        assert value not in page.content


def test_a_sole_owner_takes_the_business_name_with_them(client, siti):
    business = siti.b1.membership.business
    Business.objects.filter(pk=business.pk).update(sibakul_number="3404999999")
    client.force_login(siti.b1)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    business.refresh_from_db()
    assert (business.name, business.sibakul_number) == ("Usaha dihapus", None)
    assert (business.regency, business.sector) == ("bantul", "craft")
    assert Membership.objects.filter(user=siti.b1, business=business, is_owner=True).exists()


def test_staff_cannot_delete_their_account_here(client, siti):
    client.force_login(siti.rina)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.get(pk=siti.rina.pk).anonymised_at is None


REPORTS = ["overview", "businesses", "learners", "knowledge", "survey", "questions"]


def report_bytes(client, world):
    pages = []
    for report in REPORTS:
        pages.append(client.get(url(report, course=world.course.pk)).content)
        response = client.get(url(report, course=world.course.pk, export="csv"))
        pages.append(b"".join(response.streaming_content))
    business = world.a1.membership.business
    pages.append(
        client.get(
            reverse("reports:business", args=[business.pk]) + f"?course={world.course.pk}"
        ).content
    )
    return b"".join(pages)


def test_after_deletion_no_name_or_contact_is_left_in_reports_and_figures_stay(
    client,
    siti,
    coordinator_client,  # noqa: F811
):
    scope = report_selectors.scope_for(course=siti.course, enrolments=Enrolment.objects.all())
    before = report_selectors.course_overview(scope)
    coordinator = coordinator_client
    everything = report_bytes(coordinator, siti)
    assert NAME.encode() in everything  # shown before
    assert OPEN_ANSWER.encode() in everything
    assert EMAIL.encode() in everything

    learner = type(client)()
    learner.force_login(siti.a1)
    assert learner.post(DELETE, {"password": PASSWORD, "new_owner": siti.a2.pk}).status_code == 302

    everything = report_bytes(coordinator, siti)
    for value in [*personal_bytes(), OPEN_ANSWER.encode()]:
        assert value not in everything
    assert data_rights.ANONYMISED_EMAIL_DOMAIN.encode() not in everything  # an empty cell
    after = report_selectors.course_overview(
        report_selectors.scope_for(course=siti.course, enrolments=Enrolment.objects.all())
    )
    # Every figure stays, but the withdrawn certificate no longer counts as valid.
    assert before.certificates == 1
    assert after.certificates == 0
    after.certificates = before.certificates
    assert after == before


def test_a_mentor_of_the_class_cannot_see_the_deleted_learners_name_either(client, siti):
    assert siti.rina.groups.filter(name=roles.MENTORS).exists()
    data_rights.account_anonymise(user=siti.a1, by="self", new_owner_id=siti.a2.pk)
    client.force_login(siti.rina)
    content = client.get(url("learners", course=siti.course.pk)).content
    assert NAME.encode() not in content


def test_anonymising_twice_changes_nothing_more(siti):
    assert data_rights.account_anonymise(user=siti.a1, by="self", new_owner_id=siti.a2.pk)
    before = snapshot(siti)
    assert not data_rights.account_anonymise(user=siti.a1, by="retention")
    assert snapshot(siti) == before


def test_a_member_deleting_keeps_the_business_and_its_owner(client, siti):
    client.force_login(siti.a2)
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302
    assert Business.objects.get(pk=siti.a1.membership.business_id).name == "A"
    assert Membership.objects.get(user=siti.a1).is_owner


def test_the_evaluation_report_holds_no_trace_of_a_deleted_learner(siti):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from reports import documents, evaluation

    def report_texts():
        """The PDF's text and the workbook's cells."""
        scope = report_selectors.scope_for(course=siti.course, enrolments=Enrolment.objects.all())
        data = evaluation.evaluation_data(scope)
        pdf = PdfReader(io.BytesIO(documents.render_pdf(data)))
        workbook = load_workbook(io.BytesIO(documents.render_xlsx(data)))
        cells = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return [page.extract_text() for page in pdf.pages], cells

    pages, cells = report_texts()
    assert OPEN_ANSWER in "\n".join(pages)  # the open answers' sample shows it before
    assert OPEN_ANSWER in cells

    data_rights.account_anonymise(user=siti.a1, by="self", new_owner_id=siti.a2.pk)

    pages, cells = report_texts()
    after = ("\n".join(pages) + "\n" + "\n".join(cells)).encode()
    for value in [*personal_bytes(), OPEN_ANSWER.encode()]:
        assert value not in after
