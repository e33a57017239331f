"""Handing in work for an assignment (services.submission_hand_in and the learner's views):
every kind, every refusal with nothing stored, retries, revisions, per-business hand-ins and
who may open the files."""

import io
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from courses.models import WeekPage
from courses.services import enrolment_start
from mentoring import photos, selectors, services
from mentoring.models import State, Submission, SubmissionPhoto, SubmissionVersion
from tests.factories import build_assignment
from tests.mentoring.images import PDF_BYTES, pdf_upload, photo_bytes, photo_upload, upload

pytestmark = pytest.mark.django_db

LINK = "https://www.instagram.com/batik.sumarni"


@pytest.fixture(autouse=True)
def storage(tmp_path, monkeypatch):
    """The hand-ins' private storage, in a folder of this test's own."""
    storage = FileSystemStorage(location=tmp_path)
    monkeypatch.setattr(SubmissionPhoto._meta.get_field("image"), "storage", storage)
    monkeypatch.setattr(SubmissionVersion._meta.get_field("pdf"), "storage", storage)
    return storage


def stored_files(storage) -> list[str]:
    root = storage.location
    import os

    return [os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names]


@pytest.fixture
def week(two_classes):
    return WeekPage.objects.child_of(two_classes.course).get()


@pytest.fixture
def assignment(week):
    return build_assignment(
        week, accepts_photos=True, accepts_text=True, accepts_pdf=True, max_photos=2
    )


@pytest.fixture
def business_assignment(week, two_classes, member):
    enrolment_start(learner=member, course=two_classes.course, cohort=two_classes.mine)
    return build_assignment(week, slug="tugas-usaha", per_business=True, accepts_photos=True)


def hand_in(learner, assignment, **fields):
    return services.submission_hand_in(learner=learner, assignment=assignment, **fields)


def message_of(error) -> str:
    return error.value.messages[0]


# --- the service ------------------------------------------------------------------------------


def test_a_link_from_an_accepted_host_is_handed_in_as_version_one(owner, assignment):
    submission = hand_in(owner, assignment, link=LINK)

    submission.refresh_from_db()
    assert submission.state == State.HANDED_IN
    assert submission.learner == owner
    assert submission.business is None
    assert submission.assignment_title == assignment.title
    version = submission.versions.get()
    assert (version.number, version.link, version.handed_in_by) == (1, LINK, owner)
    assert (version.text, version.pdf.name, version.review_state) == ("", "", "")


def test_photos_are_stored_resized_without_metadata_in_the_private_storage(
    owner, assignment, storage
):
    submission = hand_in(
        owner,
        assignment,
        photos=[
            photo_upload(size=(4000, 3000), gps=True, noise=True),
            photo_upload(name="b.png", fmt="PNG"),
        ],
    )

    version = submission.versions.get()
    first, second = version.photos.order_by("position")
    assert (first.width, first.height, second.width, second.height) == (1600, 1200, 400, 300)
    with storage.open(first.image.name) as stored:
        data = stored.read()
    assert first.size == len(data) < 500 * 1024
    image = Image.open(io.BytesIO(data))
    assert image.size == (1600, 1200)
    assert not image.getexif()
    assert first.image.name.startswith("handins/")
    assert len(stored_files(storage)) == 2


def test_text_is_cleaned_and_a_pdf_is_kept_as_sent(owner, assignment, storage):
    submission = hand_in(
        owner, assignment, text="  Omzet\x00 minggu ini \ud800 naik.  ", pdf=pdf_upload()
    )

    version = submission.versions.get()
    assert version.text == "Omzet minggu ini \ufffd naik."
    with storage.open(version.pdf.name) as stored:
        assert stored.read() == PDF_BYTES
    assert version.pdf.name.endswith(".pdf")


def test_only_what_the_assignment_accepts_is_kept(owner, week):
    link_only = build_assignment(week, slug="hanya-tautan")

    submission = hand_in(
        owner, link_only, link=LINK, text="Teks", photos=[photo_upload()], pdf=pdf_upload()
    )

    version = submission.versions.get()
    assert (version.link, version.text, version.pdf.name) == (LINK, "", "")
    assert not version.photos.exists()


def test_sending_only_what_the_assignment_does_not_take_is_handing_in_nothing(owner, week):
    link_only = build_assignment(week, slug="hanya-tautan")
    with pytest.raises(ValidationError) as error:
        hand_in(owner, link_only, text="Teks", photos=[photo_upload()])
    assert message_of(error) == services.NOTHING_HANDED_IN


def refusals():
    too_long = "a" * 100_000
    return {
        "nothing": ({}, None, services.NOTHING_HANDED_IN),
        "blank": ({"link": "   ", "text": "\x00 \x00"}, None, services.NOTHING_HANDED_IN),
        "other host": (
            {"link": "https://instagram.com.evil.com/x"},
            "link",
            services.LINK_HOST_NOT_ACCEPTED % {"hosts": "instagram.com, tiktok.com"},
        ),
        "not a link": ({"link": "instagram saya: batik"}, "link", services.LINK_NOT_VALID),
        "ip": ({"link": "http://127.0.0.1/"}, "link", services.LINK_NOT_VALID),
        "long text": (
            {"text": too_long},
            "text",
            services.TEXT_TOO_LONG % {"limit": services.TEXT_MAX_LENGTH},
        ),
        "too many photos": (
            {"photos": [photo_upload(), photo_upload(), photo_upload()]},
            "photos",
            services.TOO_MANY_PHOTOS % {"limit": 2},
        ),
        "not an image": (
            {"photos": [photo_upload(), upload(b"MZ\x90\x00 not a photo", name="virus.jpg")]},
            "photos",
            photos.NOT_AN_IMAGE % {"name": "virus.jpg"},
        ),
        "not a pdf": (
            {"link": LINK, "pdf": pdf_upload(name="laporan.pdf", data=b"PK\x03\x04 zip")},
            "pdf",
            photos.NOT_A_PDF % {"name": "laporan.pdf"},
        ),
    }


@pytest.mark.parametrize("case", list(refusals()))
def test_each_refusal_says_why_and_stores_nothing(owner, assignment, storage, case):
    fields, field, message = refusals()[case]

    with pytest.raises(ValidationError) as error:
        hand_in(owner, assignment, **fields)

    if field is None:
        assert error.value.messages == [message]
    else:
        assert error.value.message_dict[field][-1] == message
    assert not Submission.objects.exists()
    assert not SubmissionVersion.objects.exists()
    assert stored_files(storage) == []


def test_a_file_above_the_limit_is_refused_by_name(owner, assignment, storage, settings):
    settings.MENTORING_MAX_UPLOAD_MB = 1
    big = upload(photo_bytes() + b"\x00" * (1024 * 1024), name="besar.jpg")

    with pytest.raises(ValidationError) as error:
        hand_in(owner, assignment, link=LINK, photos=[big])

    assert error.value.message_dict["photos"] == [
        photos.FILE_TOO_LARGE % {"name": "besar.jpg", "limit": 1}
    ]
    assert not Submission.objects.exists()
    assert stored_files(storage) == []


def test_a_learner_not_in_the_course_cannot_hand_in(assignment, learners_group):
    from tests.factories import UserFactory

    stranger = UserFactory(groups=[learners_group])
    with pytest.raises(PermissionDenied) as error:
        hand_in(stranger, assignment, link=LINK)
    assert str(error.value) == str(services.HAND_IN_NOT_ENROLLED)
    assert not Submission.objects.exists()


def test_no_second_hand_in_while_the_first_waits_for_review(owner, assignment):
    hand_in(owner, assignment, link=LINK)
    with pytest.raises(ValidationError) as error:
        hand_in(owner, assignment, link=LINK + "/2")
    assert message_of(error) == services.WAITING_FOR_REVIEW
    assert SubmissionVersion.objects.count() == 1


def test_after_a_revision_request_a_new_version_is_kept_beside_the_first(owner, assignment):
    submission = hand_in(owner, assignment, link=LINK)
    Submission.objects.filter(pk=submission.pk).update(
        state=State.NEEDS_REVISION, reviewed_at=timezone.now()
    )
    SubmissionVersion.objects.filter(submission=submission).update(
        review_state=State.NEEDS_REVISION, feedback="Tambahkan alamat."
    )

    again = hand_in(owner, assignment, link=LINK + "?v=2")

    assert again.pk == submission.pk
    again.refresh_from_db()
    assert again.state == State.HANDED_IN
    versions = list(again.versions.order_by("number"))
    assert [(v.number, v.link, v.feedback) for v in versions] == [
        (1, LINK, "Tambahkan alamat."),
        (2, LINK + "?v=2", ""),
    ]


def test_nothing_is_handed_in_after_acceptance(owner, assignment):
    submission = hand_in(owner, assignment, link=LINK)
    Submission.objects.filter(pk=submission.pk).update(state=State.ACCEPTED)
    with pytest.raises(ValidationError) as error:
        hand_in(owner, assignment, link=LINK + "/lagi")
    assert message_of(error) == services.ALREADY_ACCEPTED
    assert SubmissionVersion.objects.count() == 1


def test_the_same_token_twice_records_one_version(owner, assignment, storage):
    token = uuid.uuid4()
    first = hand_in(owner, assignment, link=LINK, photos=[photo_upload()], token=token)
    second = hand_in(owner, assignment, link=LINK, photos=[photo_upload()], token=token)

    assert first.pk == second.pk
    assert SubmissionVersion.objects.count() == 1
    assert SubmissionPhoto.objects.count() == 1
    assert len(stored_files(storage)) == 1


def test_a_per_business_hand_in_is_shared_by_the_members(
    owner, member, other_owner, business_assignment
):
    submission = hand_in(owner, business_assignment, link=LINK)

    assert submission.business == owner.membership.business
    assert selectors.submission_for(learner=member, assignment=business_assignment) == submission
    assert selectors.submission_for(learner=other_owner, assignment=business_assignment) is None
    with pytest.raises(ValidationError) as error:  # the business's hand-in waits for review
        hand_in(member, business_assignment, link=LINK + "/anggota")
    assert message_of(error) == services.WAITING_FOR_REVIEW

    Submission.objects.filter(pk=submission.pk).update(state=State.NEEDS_REVISION)
    hand_in(member, business_assignment, link=LINK + "/anggota")

    assert Submission.objects.count() == 1
    latest = submission.versions.order_by("-number").first()
    assert (latest.number, latest.handed_in_by) == (2, member)


def test_anonymising_a_member_keeps_the_feedback_on_the_business_hand_in(
    owner, member, business_assignment
):
    from lms import data_rights

    submission = hand_in(owner, business_assignment, link=LINK)
    submission.versions.update(feedback="Foto produk sudah jelas.")

    data_rights.account_anonymise(user=owner, by=data_rights.BY_RETENTION)

    version = submission.versions.get()
    assert version.link == ""
    assert version.feedback == "Foto produk sudah jelas."  # the member still reads it


def test_a_per_business_assignment_taken_without_a_business_is_handed_in_alone(
    business_assignment, two_classes, learners_group
):
    from tests.factories import UserFactory

    alone = UserFactory(groups=[learners_group])
    enrolment_start(learner=alone, course=two_classes.course, cohort=two_classes.mine)

    submission = hand_in(alone, business_assignment, link=LINK)

    assert (submission.learner, submission.business) == (alone, None)
    assert selectors.submission_for(learner=alone, assignment=business_assignment) == submission


def test_submission_for_reads_versions_and_photos_in_a_bounded_number_of_queries(
    owner, assignment, django_assert_max_num_queries
):
    submission = hand_in(owner, assignment, link=LINK, photos=[photo_upload()])
    Submission.objects.filter(pk=submission.pk).update(state=State.NEEDS_REVISION)
    hand_in(owner, assignment, link=LINK, photos=[photo_upload(), photo_upload()])

    with django_assert_max_num_queries(4):
        found = selectors.submission_for(learner=owner, assignment=assignment)
        versions = list(found.versions.all())
        photos_seen = [photo.pk for version in versions for photo in version.photos.all()]
    assert [v.number for v in versions] == [2, 1]
    assert len(photos_seen) == 3


# --- the page and the views -------------------------------------------------------------------


def hand_in_url(assignment):
    return reverse("mentoring:hand_in", args=[assignment.pk])


def post(client, assignment, **data):
    data.setdefault("token", str(uuid.uuid4()))
    return client.post(hand_in_url(assignment), data)


def test_the_page_shows_the_instructions_and_a_phone_friendly_form(client, owner, assignment):
    client.force_login(owner)
    response = client.get(assignment.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Buka akun bisnis Instagram" in html
    assert 'accept="image/*"' in html
    assert 'capture="environment"' in html
    assert "multiple" in html
    assert 'enctype="multipart/form-data"' in html
    assert "instagram.com, tiktok.com" in html
    with translation.override("id"):
        assert str(response.context["state_note"]) in html


def test_handing_in_through_the_form_shows_the_new_version(client, owner, assignment):
    client.force_login(owner)
    response = client.post(
        hand_in_url(assignment),
        {"token": str(uuid.uuid4()), "link": LINK, "photos": [photo_upload()]},
    )

    assert response.status_code == 302
    assert response["Location"] == assignment.url
    photo = SubmissionPhoto.objects.get()
    page = client.get(assignment.url).content.decode()
    assert reverse("mentoring:file", args=["foto", photo.pk]) in page
    assert LINK in page
    assert client.get(assignment.url).context["form"] is None  # waiting: no form


def test_a_refused_hand_in_shows_the_reason_on_the_page_and_stores_nothing(
    client, owner, assignment
):
    client.force_login(owner)
    token = str(uuid.uuid4())
    response = post(client, assignment, token=token, link="https://evil.com/?u=instagram.com")

    assert response.status_code == 400
    form = response.context["form"]
    assert form["link"].value() == "https://evil.com/?u=instagram.com"  # kept to correct
    assert form["token"].value() != token  # a new token: the corrected form is a new hand-in
    with translation.override("id"):
        expected = str(services.LINK_HOST_NOT_ACCEPTED % {"hosts": "instagram.com, tiktok.com"})
    assert expected in response.content.decode()
    assert not Submission.objects.exists()


def test_a_non_image_named_jpg_is_refused_with_a_clear_message(client, owner, assignment):
    client.force_login(owner)
    fake = upload(b"<?php echo 1; ?>", name="foto.jpg")
    response = client.post(
        hand_in_url(assignment), {"token": str(uuid.uuid4()), "link": LINK, "photos": [fake]}
    )

    assert response.status_code == 400
    with translation.override("id"):
        assert str(photos.NOT_AN_IMAGE % {"name": "foto.jpg"}) in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "text", ["a" * 100_000, "\x00" * 10, "Baris\x00 satu\r\nbaris dua", "😀\u200fبا"]
)
def test_strange_text_is_refused_or_cleaned_never_an_error(client, owner, assignment, text):
    client.force_login(owner)
    response = post(client, assignment, text=text)
    assert response.status_code in {302, 400}
    for version in SubmissionVersion.objects.all():
        assert "\x00" not in version.text
        assert len(version.text) <= services.TEXT_MAX_LENGTH


def test_a_lone_surrogate_smuggled_in_another_charset_is_refused_before_anything_is_written(
    client, owner, assignment
):
    from tests.lms.test_bad_input import utf7_multipart

    client.force_login(owner)
    body, content_type = utf7_multipart(
        {"token": str(uuid.uuid4()), "link": LINK, "text": "Omzet \ud800"}
    )
    response = client.generic("POST", hand_in_url(assignment), body, content_type=content_type)
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_the_long_text_refusal_names_the_limit(client, owner, assignment):
    client.force_login(owner)
    response = post(client, assignment, text="a" * 100_000)
    assert response.status_code == 400
    with translation.override("id"):
        expected = str(services.TEXT_TOO_LONG % {"limit": services.TEXT_MAX_LENGTH})
    assert expected in response.content.decode()


@pytest.mark.parametrize("token", ["", "bukan-token", "\x00"])
def test_a_form_without_a_valid_token_is_out_of_date(client, owner, assignment, token):
    client.force_login(owner)
    response = client.post(hand_in_url(assignment), {"token": token, "link": LINK})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_a_double_tap_of_the_form_records_one_version(client, owner, assignment):
    client.force_login(owner)
    token = str(uuid.uuid4())
    first = post(client, assignment, token=token, link=LINK)
    second = post(client, assignment, token=token, link=LINK)
    assert (first.status_code, second.status_code) == (302, 302)
    assert SubmissionVersion.objects.count() == 1


def test_a_learner_not_in_the_course_is_refused(client, assignment, learners_group):
    from tests.factories import UserFactory

    client.force_login(UserFactory(groups=[learners_group]))
    response = post(client, assignment, link=LINK)
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_signing_in_comes_first(client, assignment):
    response = post(client, assignment, link=LINK)
    assert response.status_code == 302
    assert reverse("lms:sign_in") in response["Location"]
    assert not Submission.objects.exists()


def test_an_unknown_or_unpublished_assignment_is_not_found(client, owner, assignment):
    client.force_login(owner)
    assert client.post(reverse("mentoring:hand_in", args=[999999]), {}).status_code == 404
    assignment.unpublish()
    assert post(client, assignment, link=LINK).status_code == 404
    assert client.get(hand_in_url(assignment)).status_code in {404, 405}


def test_hand_ins_are_throttled_per_account(client, owner, assignment, settings):
    settings.MENTORING_HAND_IN_RATE = "2/h"
    client.force_login(owner)
    assert post(client, assignment, link="nope").status_code == 400
    assert post(client, assignment, link="nope").status_code == 400
    assert post(client, assignment, link=LINK).status_code == 429
    assert not Submission.objects.exists()


def test_opening_the_page_marks_the_mentors_feedback_seen(client, owner, assignment):
    submission = hand_in(owner, assignment, link=LINK)
    Submission.objects.filter(pk=submission.pk).update(
        state=State.NEEDS_REVISION, reviewed_at=timezone.now()
    )
    SubmissionVersion.objects.filter(submission=submission).update(
        review_state=State.NEEDS_REVISION,
        feedback="Tambahkan alamat usaha.",
        rubric_snapshot=[["r1", "Profil memuat alamat usaha"], ["r2", "Ada tiga unggahan"]],
        rubric_ticks=["r2"],
        reviewed_at=timezone.now(),
    )
    client.force_login(owner)

    response = client.get(assignment.url)

    html = response.content.decode()
    assert "Tambahkan alamat usaha." in html
    assert "Profil memuat alamat usaha" in html
    assert response.context["form"] is not None  # a revision is asked: hand in again
    submission.refresh_from_db()
    assert submission.feedback_seen_at is not None


def test_staff_not_in_the_course_see_a_preview_without_a_form(client, mentor, assignment):
    client.force_login(mentor)
    response = client.get(assignment.url)
    assert response.status_code == 200
    assert response.context["preview"] is True
    assert response.context["form"] is None


# --- the files --------------------------------------------------------------------------------


@pytest.fixture
def handed_in(owner, assignment):
    submission = hand_in(owner, assignment, photos=[photo_upload()], pdf=pdf_upload())
    version = submission.versions.get()
    return version.photos.get(), version


def photo_url(photo):
    return reverse("mentoring:file", args=["foto", photo.pk])


def pdf_url(version):
    return reverse("mentoring:file", args=["pdf", version.pk])


def test_the_learner_sees_their_photo_inline_and_never_cached(client, owner, handed_in):
    photo, version = handed_in
    client.force_login(owner)

    response = client.get(photo_url(photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    pdf = client.get(pdf_url(version))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="tugas-{version.submission_id}-versi-1.pdf"'
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("mentor", 200),
        ("coordinator", 200),
        ("other_owner", 404),
        ("other_mentor", 404),
        ("member", 404),  # the assignment is each learner's own
    ],
)
def test_files_reach_only_who_may_see_the_hand_in(client, request, handed_in, who, status):
    photo, version = handed_in
    client.force_login(request.getfixturevalue(who))
    assert client.get(photo_url(photo)).status_code == status
    assert client.get(pdf_url(version)).status_code == status


def test_a_business_member_sees_the_files_of_a_per_business_hand_in(
    client, owner, member, other_owner, business_assignment
):
    submission = hand_in(owner, business_assignment, photos=[photo_upload()])
    photo = submission.versions.get().photos.get()
    client.force_login(member)
    assert client.get(photo_url(photo)).status_code == 200
    client.force_login(other_owner)
    assert client.get(photo_url(photo)).status_code == 404


def test_files_ask_anonymous_visitors_to_sign_in(client, handed_in):
    photo, _version = handed_in
    response = client.get(photo_url(photo))
    assert response.status_code == 302
    assert reverse("lms:sign_in") in response["Location"]


def test_unknown_files_and_kinds_are_not_found(client, owner, handed_in):
    photo, version = handed_in
    client.force_login(owner)
    assert client.get(reverse("mentoring:file", args=["exe", photo.pk])).status_code == 404
    assert client.get(reverse("mentoring:file", args=["foto", 999999])).status_code == 404
    assert client.get("/tugas/berkas/foto/99999999999999999999/").status_code == 404
    SubmissionVersion.objects.filter(pk=version.pk).update(pdf="")
    assert client.get(pdf_url(version)).status_code == 404


def test_files_are_not_under_the_public_media_url(handed_in, settings):
    photo, version = handed_in
    assert not photo.image.name.startswith(str(settings.MEDIA_ROOT))
    assert photo.image.field.storage is not None
    from django.core.files.storage import storages

    assert not storages["default"].exists(photo.image.name)
    assert not storages["default"].exists(version.pdf.name)


# --- data rights ------------------------------------------------------------------------------


def read_zip(response):
    import zipfile

    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_learners_data_download_holds_their_hand_ins_and_files(
    client, owner, other_owner, assignment
):
    import json

    submission = hand_in(
        owner, assignment, link=LINK, text="Omzet naik.", photos=[photo_upload()], pdf=pdf_upload()
    )
    hand_in(other_owner, assignment, link=LINK + "/wati", photos=[photo_upload()])
    client.force_login(owner)

    archive = read_zip(client.get(reverse("lms:data_download")))

    prefix = f"handins/{submission.pk}-v1"
    files = {name for name in archive.namelist() if name.startswith("handins/")}
    assert files == {f"{prefix}-foto-1.jpg", f"{prefix}.pdf"}
    assert archive.read(f"{prefix}.pdf") == PDF_BYTES
    assert archive.read(f"{prefix}-foto-1.jpg")[:2] == b"\xff\xd8"
    rows = json.loads(archive.read("data.json"))["hand_ins"]
    assert len(rows) == 1
    assert rows[0]["link"] == LINK
    assert rows[0]["text"] == "Omzet naik."
    assert rows[0]["state"] == State.HANDED_IN
    assert rows[0]["photo_files"] == f"{prefix}-foto-1.jpg"
    assert "hand_ins.csv" in archive.namelist()


def test_anonymising_removes_what_was_handed_in_but_keeps_the_states(
    owner, assignment, storage, django_capture_on_commit_callbacks
):
    from lms import data_rights

    submission = hand_in(
        owner, assignment, link=LINK, text="Omzet naik.", photos=[photo_upload()], pdf=pdf_upload()
    )
    Submission.objects.filter(pk=submission.pk).update(state=State.ACCEPTED)
    submission.versions.update(feedback="Bagus, Bu Sumarni!")
    assert len(stored_files(storage)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        data_rights.account_anonymise(user=owner, by=data_rights.BY_RETENTION)

    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED
    version = submission.versions.get()
    assert (version.link, version.text, version.pdf.name) == ("", "", "")
    assert version.feedback == ""  # the mentor's words to her may name her
    assert not SubmissionPhoto.objects.exists()
    assert stored_files(storage) == []
