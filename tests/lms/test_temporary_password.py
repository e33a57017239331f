"""Temporary passwords: who may set one, for whom, how long it works, and the forced change."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses import services as course_services
from courses.models import Cohort, Enrolment, LessonCompletion
from lms import services
from lms.backends import PhoneOrEmailBackend
from lms.forms import SignInForm
from lms.models import User
from tests.concurrency import run_together
from tests.factories import PASSWORD, UserFactory, build_course, lessons_of
from tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

SET_URL = reverse("lms_temporary_password")
CHANGE = reverse("lms:password_change")
TEMPORARY = "sementara-2026"
OWN = "pilihan-saya-789"


@pytest.fixture
def course(db):
    return build_course(weeks=1, lessons_per_week=2)


def _class_of(mentor, course, name):
    return Cohort.objects.create(
        name=name, course=course, start_date=timezone.localdate(), mentor=mentor
    )


def _learner_in_class(user, cohort):
    Enrolment.objects.create(learner=user, course=cohort.course, cohort=cohort)
    return user


@pytest.fixture
def pupil(learners_group, mentor, course):
    """A phone-only learner in a class ``mentor`` runs."""
    return _learner_in_class(
        UserFactory(full_name="Siti", phone="+6281234567890", groups=[learners_group]),
        _class_of(mentor, course, "Kelas Rina"),
    )


@pytest.fixture
def stranger(learners_group, other_mentor, course):
    """A phone-only learner in another mentor's class."""
    return _learner_in_class(
        UserFactory(full_name="Yanto", phone="+6281299998888", groups=[learners_group]),
        _class_of(other_mentor, course, "Kelas Budi"),
    )


def _has_temporary(user):
    user.refresh_from_db()
    return bool(user.temporary_password)


# Who may set one, for whom


def test_mentor_sets_a_temporary_password_for_a_learner_in_their_class(client, mentor, pupil):
    client.force_login(mentor)
    assert client.get(SET_URL).status_code == 200
    response = client.post(SET_URL, {"learner": pupil.phone_display, "password": TEMPORARY})
    assert response.status_code == 302
    pupil.refresh_from_db()
    assert pupil.temporary_password_set_by == mentor
    assert pupil.temporary_password_set_at is not None
    assert sign_in(Client(), pupil.phone, TEMPORARY)["Location"] == CHANGE


def test_mentor_cannot_set_one_for_a_learner_in_another_mentors_class(mentor, stranger):
    with pytest.raises(ValidationError) as refusal:
        services.temporary_password_set(actor=mentor, user=stranger, password=TEMPORARY)
    assert refusal.value.message_dict["learner"] == [str(services.LEARNER_NOT_FOUND)]
    assert not _has_temporary(stranger)


def test_mentor_cannot_set_one_for_a_learner_in_no_class(mentor, owner):
    with pytest.raises(ValidationError):
        services.temporary_password_set(actor=mentor, user=owner, password=TEMPORARY)
    assert not _has_temporary(owner)


def test_admin_refusal_for_another_class_reads_like_an_unknown_number(client, mentor, stranger):
    client.force_login(mentor)
    theirs = client.post(SET_URL, {"learner": stranger.phone_display, "password": TEMPORARY})
    unknown = client.post(SET_URL, {"learner": "0812 0000 0001", "password": TEMPORARY})
    assert theirs.status_code == unknown.status_code == 200
    message = str(services.LEARNER_NOT_FOUND)
    assert message in theirs.content.decode()
    assert message in unknown.content.decode()
    assert not _has_temporary(stranger)
    assert sign_in(Client(), stranger.phone, TEMPORARY).status_code == 200


def test_coordinator_sets_one_for_any_learner(client, coordinator, stranger, owner):
    client.force_login(coordinator)
    for learner in (stranger, owner):
        response = client.post(SET_URL, {"learner": learner.phone, "password": TEMPORARY})
        assert response.status_code == 302
        assert _has_temporary(learner)


def test_nobody_sets_one_for_staff(client, coordinator, mentor):
    client.force_login(coordinator)
    response = client.post(SET_URL, {"learner": mentor.email, "password": TEMPORARY})
    assert str(services.NOT_A_LEARNER) in response.content.decode()
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    with pytest.raises(ValidationError):
        services.temporary_password_set(actor=admin, user=coordinator, password=TEMPORARY)
    assert not _has_temporary(mentor)
    assert not _has_temporary(coordinator)


def test_learner_with_an_email_is_sent_to_the_email_reset(client, coordinator, pupil):
    pupil.email = "siti@example.org"
    pupil.save()
    client.force_login(coordinator)
    response = client.post(SET_URL, {"learner": pupil.phone, "password": TEMPORARY})
    assert str(services.HAS_EMAIL) in response.content.decode()
    assert not _has_temporary(pupil)


def test_setting_one_keeps_the_learners_own_password_until_they_choose_a_new_one(mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    pupil.refresh_from_db()
    assert pupil.check_password(PASSWORD)
    assert not pupil.check_password(TEMPORARY)
    assert not pupil.must_change_password


# Once, and not for long


def test_temporary_password_signs_in_only_once(mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    assert sign_in(Client(), pupil.phone, TEMPORARY)["Location"] == CHANGE
    again = sign_in(Client(), pupil.phone, TEMPORARY)
    assert again.status_code == 200
    assert str(SignInForm.TEMPORARY_PASSWORD_SPENT) in again.content.decode()
    assert "_auth_user_id" not in again.client.session


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database with real concurrency"
)
def test_two_sign_ins_at_once_with_one_temporary_password_let_one_in(coordinator, learners_group):
    learner = UserFactory(phone="+6281234567890", groups=[learners_group])
    services.temporary_password_set(actor=coordinator, user=learner, password=TEMPORARY)
    backend = PhoneOrEmailBackend()
    outcomes = run_together(
        lambda: backend.authenticate(None, username=learner.phone, password=TEMPORARY), times=4
    )
    assert sum(isinstance(outcome, User) for outcome in outcomes) == 1, outcomes
    assert outcomes.count(None) == 3


@override_settings(TEMPORARY_PASSWORD_MAX_AGE=timedelta(hours=24))
@pytest.mark.parametrize(
    ("age", "signs_in"), [(timedelta(hours=23), True), (timedelta(hours=25), False)]
)
def test_temporary_password_expires_after_the_setting(mentor, pupil, age, signs_in):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    User.objects.filter(pk=pupil.pk).update(temporary_password_set_at=timezone.now() - age)
    response = sign_in(Client(), pupil.phone, TEMPORARY)
    if signs_in:
        assert response["Location"] == CHANGE
    else:
        assert response.status_code == 200
        assert str(SignInForm.TEMPORARY_PASSWORD_SPENT) in response.content.decode()
        pupil.refresh_from_db()
        assert pupil.temporary_password_used_at is None


@override_settings(TEMPORARY_PASSWORD_MAX_AGE=timedelta(hours=1))
def test_the_maximum_age_is_a_setting(mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    User.objects.filter(pk=pupil.pk).update(
        temporary_password_set_at=timezone.now() - timedelta(hours=2)
    )
    assert sign_in(Client(), pupil.phone, TEMPORARY).status_code == 200


def test_a_new_password_of_ones_own_ends_the_temporary_one(client, mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    services.password_change(user=pupil, new_password=OWN)
    assert sign_in(Client(), pupil.phone, TEMPORARY).status_code == 200
    assert sign_in(Client(), pupil.phone, OWN).status_code == 302


# The forced change, for the whole session


@pytest.fixture
def forced(client, mentor, pupil, course):
    """``client`` signed in as ``pupil`` with a temporary password, not yet replaced."""
    course_services.enrolment_start(learner=pupil, course=course)
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    assert sign_in(client, pupil.phone, TEMPORARY)["Location"] == CHANGE
    return client


def test_every_page_sends_the_learner_to_the_change_form(forced, pupil, course):
    lesson = lessons_of(course)[0]
    for url in [reverse("lms:profile"), course.url, lesson.url, reverse("courses:dashboard")]:
        response = forced.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == CHANGE


def test_posts_elsewhere_are_refused_and_write_nothing(forced, pupil, course):
    lesson = lessons_of(course)[0]
    response = forced.post(reverse("courses:lesson_done", args=[lesson.pk]))
    assert response["Location"] == CHANGE
    assert not LessonCompletion.objects.filter(learner=pupil).exists()
    response = forced.post(
        reverse("lms:profile_edit"), {"full_name": "Orang Lain", "phone": pupil.phone}
    )
    assert response["Location"] == CHANGE
    pupil.refresh_from_db()
    assert pupil.full_name == "Siti"


def test_the_admin_too_sends_them_to_the_change_form(forced):
    assert forced.get(reverse("wagtailadmin_home"))["Location"] == CHANGE


def test_change_form_sign_out_and_health_stay_open(forced):
    page = forced.get(CHANGE)
    assert page.status_code == 200
    assert f'action="{reverse("lms:sign_out")}"' in page.content.decode()  # a way out
    assert forced.get("/en" + CHANGE).status_code == 200
    assert forced.get(reverse("healthz")).status_code in (200, 503)
    assert forced.post(reverse("lms:sign_out")).status_code == 302
    assert "_auth_user_id" not in forced.session


def test_after_choosing_a_password_every_page_works(forced, pupil, course):
    response = forced.post(CHANGE, {"new_password1": OWN, "new_password2": OWN})
    assert response["Location"] == reverse("lms:profile")
    pupil.refresh_from_db()
    assert not pupil.must_change_password
    assert pupil.check_password(OWN)
    assert not pupil.check_password(PASSWORD)
    assert forced.get(reverse("lms:profile")).status_code == 200
    lesson = lessons_of(course)[0]
    forced.post(reverse("courses:lesson_done", args=[lesson.pk]))
    assert LessonCompletion.objects.filter(learner=pupil).exists()
    assert sign_in(Client(), pupil.phone, OWN).status_code == 302


def test_forced_change_holds_in_every_session_of_the_learner(forced, pupil):
    other = Client()
    other.force_login(pupil)
    assert other.get(reverse("lms:profile"))["Location"] == CHANGE


def test_the_change_form_still_checks_the_new_password(forced, pupil):
    response = forced.post(CHANGE, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    pupil.refresh_from_db()
    assert pupil.must_change_password


def test_a_learner_who_was_not_given_one_still_types_their_old_password(client, owner):
    client.force_login(owner)
    response = client.post(CHANGE, {"new_password1": OWN, "new_password2": OWN})
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


# Records and notice


def test_each_set_is_recorded_in_the_action_log(mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    entry = ModelLogEntry.objects.get(action=services.TEMPORARY_PASSWORD_ACTION)
    assert entry.user_id == mentor.pk
    assert entry.object_id == str(pupil.pk)
    assert entry.content_type == ContentType.objects.get_for_model(User)
    assert entry.timestamp is not None


def test_refusals_record_nothing(mentor, stranger):
    with pytest.raises(ValidationError):
        services.temporary_password_set(actor=mentor, user=stranger, password=TEMPORARY)
    assert not ModelLogEntry.objects.filter(action=services.TEMPORARY_PASSWORD_ACTION).exists()


def test_the_learners_admin_page_shows_who_set_one_and_when(client, mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("wagtailusers_users:edit", args=[pupil.pk])).content.decode()
    assert "Rina" in page
    assert 'id="temporary-password-log"' in page


def test_the_learner_is_told_who_set_it_and_when_at_sign_in(client, mentor, pupil):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    response = sign_in(client, pupil.phone, TEMPORARY, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == CHANGE
    assert "Rina" in page
    pupil.refresh_from_db()
    assert services.temporary_password_notice(pupil) in page


def test_the_set_page_lists_recent_sets_within_the_viewers_scope(
    client, mentor, other_mentor, coordinator, pupil
):
    services.temporary_password_set(actor=mentor, user=pupil, password=TEMPORARY)
    client.force_login(coordinator)
    page = client.get(SET_URL).content.decode()
    assert 'id="temporary-password-recent"' in page
    assert "Siti" in page
    assert "Rina" in page
    client.force_login(other_mentor)
    page = client.get(SET_URL).content.decode()
    assert 'id="temporary-password-recent"' not in page
    assert "Siti" not in page
