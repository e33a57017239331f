"""An imported owner opens the claim link from a WhatsApp message on a phone, confirms her name,
consents, chooses a password and lands on her class's course page, signed in."""

import urllib.parse

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from playwright.sync_api import expect

from courses.models import Cohort
from courses.services import enrolment_start
from lms import claims, roles
from lms.models import User
from tests.factories import BusinessFactory, MembershipFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "gerabah-kasongan-26"


def link_path_in(whatsapp_url: str) -> str:
    """The claim link's path, read out of the wa.me message as the owner's phone shows it."""
    message = urllib.parse.unquote(urllib.parse.urlsplit(whatsapp_url).query.split("=", 1)[1])
    url = next(word for word in message.split() if "/akun/klaim/" in word and word.endswith("/"))
    return urllib.parse.urlsplit(url).path


def test_owner_claims_her_account_from_a_whatsapp_link_and_lands_on_her_class(browsing):
    mentor = UserFactory(full_name="Rina", email="rina@example.org")
    mentor.groups.add(Group.objects.get(name=roles.MENTORS))
    course = build_course(weeks=1, lessons_per_week=1, slug="kelas-gerabah")
    cohort = Cohort.objects.create(
        name="Kelas Kasongan", course=course, start_date=timezone.localdate(), mentor=mentor
    )
    owner = User.objects.create_user(phone="+6281298765432", full_name="Sri Wahyuni", password=None)
    owner.groups.add(Group.objects.get(name=roles.LEARNERS))
    MembershipFactory(user=owner, business=BusinessFactory(name="Gerabah Sri"), is_owner=True)
    enrolment_start(learner=owner, course=course, cohort=cohort)
    [issued] = claims.claim_links_issue(users=[owner], issued_by=mentor)
    page = browsing.page

    browsing.visit(link_path_in(issued.whatsapp_url))
    expect(page.get_by_text("Sri Wahyuni", exact=True)).to_be_visible()  # the registered name
    page.locator("input[name=full_name]").fill("Sri Wahyuningsih")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("input[name=notice_consent]").check()
    browsing.submit(page.locator("form.form button[type=submit]"))

    expect(page).to_have_url(browsing.url(course.url))
    expect(page.locator(".messages")).to_contain_text("Sri Wahyuningsih")
    owner.refresh_from_db()
    assert owner.full_name == "Sri Wahyuningsih"
    assert owner.check_password(PASSWORD)

    # The link is spent: opening it again explains, and changes nothing.
    browsing.sign_out()
    browsing.visit(link_path_in(issued.whatsapp_url))
    with translation.override("id"):
        used = str(claims.LINK_USED)
    expect(page.get_by_role("alert")).to_have_text(used)
