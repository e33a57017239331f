"""Signing up on a phone: an owner registers their business, a staff member joins it by code."""

import re

import pytest
from playwright.sync_api import expect

from lms.models import User

# The live server sees only committed data, and the sign-up service needs the "Learners" group and
# the home page that data migrations create; serialized_rollback restores them for every test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGN_UP = "/akun/daftar/"
PROFILE = "/akun/profil/"

OWNER_NAME = "Sumarni"
OWNER_PHONE = "0812 3456 7890"
OWNER_PHONE_E164 = "+6281234567890"
OWNER_PASSWORD = "rahasia-usaha-123"
BUSINESS_NAME = "Warung Bu Sumarni"
STAFF_NAME = "Wulan"
STAFF_EMAIL = "wulan@example.com"
STAFF_PASSWORD = "sapu-lidi-kuat-77"
JOIN_CODE_UNKNOWN = "Tidak ada usaha dengan kode gabung ini"


def fill_account(page, *, name, password, phone="", email=""):
    page.get_by_label("Nama lengkap", exact=True).fill(name)
    page.get_by_label("Nomor HP", exact=True).fill(phone)
    page.get_by_label("Email (boleh kosong jika mengisi nomor HP)", exact=True).fill(email)
    page.get_by_label("Kata sandi", exact=True).fill(password)
    page.get_by_label("Ulangi kata sandi", exact=True).fill(password)
    page.locator("input[name=notice_consent]").check()  # the privacy notice


def choose_join(page, join_code):
    page.get_by_role("radio", name="Gabung ke usaha dengan kode").check()
    page.get_by_label("Kode gabung", exact=True).fill(join_code)


def test_owner_signs_up_and_a_staff_member_joins_with_the_join_code(browsing):
    page = browsing.page

    # The owner signs up with a mobile number and registers her business.
    browsing.visit(SIGN_UP)
    fill_account(page, name=OWNER_NAME, phone=OWNER_PHONE, password=OWNER_PASSWORD)
    expect(page.get_by_role("radio", name="Daftarkan usaha saya")).to_be_checked()
    page.get_by_label("Nama usaha", exact=True).fill(BUSINESS_NAME)
    page.get_by_label("Bidang usaha", exact=True).select_option("culinary")
    page.get_by_label("Kabupaten/kota", exact=True).select_option("sleman")
    page.get_by_label("Kapanewon/kemantren", exact=True).select_option("Depok")
    page.get_by_label("Nomor registrasi SiBakul", exact=True).fill("34.04.001234")
    browsing.submit(page.get_by_role("button", name="Buat akun saya"))

    expect(page).to_have_url(browsing.url(PROFILE))
    expect(page.get_by_role("heading", level=1)).to_have_text(OWNER_NAME)
    expect(page.locator(".messages")).to_contain_text(f"Selamat datang, {OWNER_NAME}!")
    expect(page.locator(".business-name")).to_have_text(BUSINESS_NAME)
    expect(page.get_by_text("Kuliner", exact=True)).to_be_visible()
    expect(page.get_by_text("Sleman, Depok", exact=True)).to_be_visible()
    expect(page.get_by_text("3404001234", exact=True)).to_be_visible()
    join_code = page.locator(".join-code .code")
    expect(join_code).to_have_text(re.compile(r"^[A-HJKMNP-Z2-9]{6}$"))

    # She signs out and back in with the number in its international form.
    browsing.sign_out()
    browsing.sign_in(OWNER_PHONE_E164, OWNER_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(OWNER_NAME)
    code = page.locator(".join-code .code").inner_text().strip()
    browsing.sign_out()

    # A staff member signs up with an email only and joins with the code.
    browsing.visit(SIGN_UP)
    fill_account(page, name=STAFF_NAME, email=STAFF_EMAIL, password=STAFF_PASSWORD)
    choose_join(page, code)
    browsing.submit(page.get_by_role("button", name="Buat akun saya"))

    expect(page).to_have_url(browsing.url(PROFILE))
    expect(page.get_by_role("heading", level=1)).to_have_text(STAFF_NAME)
    expect(page.locator(".business-name")).to_have_text(BUSINESS_NAME)
    expect(page.get_by_text("Anda anggota usaha ini.")).to_be_visible()
    expect(page.locator(".join-code")).to_have_count(0)
    browsing.sign_out()

    # The owner sees both of them in her business.
    browsing.sign_in(OWNER_PHONE_E164, OWNER_PASSWORD)
    members = page.locator(".members > li")
    expect(members).to_have_count(2)
    expect(members).to_contain_text([OWNER_NAME, STAFF_NAME])

    staff = User.objects.get(email=STAFF_EMAIL)
    assert staff.phone is None
    assert staff.membership.business.join_code == code
    assert not staff.membership.is_owner


def test_unknown_join_code_is_refused_and_no_account_is_created(browsing):
    page = browsing.page
    browsing.visit(SIGN_UP)
    fill_account(page, name=STAFF_NAME, email=STAFF_EMAIL, password=STAFF_PASSWORD)
    choose_join(page, "ZZZ999")
    browsing.submit(page.get_by_role("button", name="Buat akun saya"))

    expect(page).to_have_url(browsing.url(SIGN_UP))
    expect(page.get_by_text(JOIN_CODE_UNKNOWN)).to_be_visible()
    expect(page.get_by_role("radio", name="Gabung ke usaha dengan kode")).to_be_checked()
    assert not User.objects.exists()


def test_join_code_section_shows_only_while_joining_is_chosen(browsing):
    page = browsing.page
    browsing.visit(SIGN_UP)
    # Located by class, not role: hidden elements have no role, and both must exist throughout.
    new_business = page.locator("fieldset.business-new")
    join_code = page.locator("fieldset.business-join")

    expect(page.get_by_role("radio", name="Daftarkan usaha saya")).to_be_checked()
    expect(new_business).to_be_visible()
    expect(join_code).to_be_hidden()

    page.get_by_role("radio", name="Gabung ke usaha dengan kode").check()
    expect(join_code).to_be_visible()
    expect(new_business).to_be_hidden()
    browsing.check()

    page.get_by_role("radio", name="Daftarkan usaha saya").check()
    expect(new_business).to_be_visible()
    expect(join_code).to_be_hidden()
