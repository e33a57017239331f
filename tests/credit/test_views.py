import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from credit import services
from credit.forms import CONFIRM_LENDER, INVALID_RATE
from credit.models import CreditApplication, Lender, Status
from lms.amounts import INVALID_AMOUNT
from tests.factories import UserFactory, build_credit_application

pytestmark = pytest.mark.django_db


def lender_id(name="Bank BPD DIY"):
    return Lender.objects.get(name=name).pk


def form_data(**overrides):
    data = {
        "token": str(uuid.uuid4()),
        "lender": lender_id(),
        "other_lender_name": "",
        "product": "KUR Mikro",
        "amount_requested": "25 juta",
        "purpose": "Oven kedua",
        "rate_percent_per_year": "6",
        "tenor_months": "24",
        "documents": ["ktp", "kk"],
        "notes": "",
    }
    data.update(overrides)
    return data


def text_of(message) -> str:
    with translation.override("id"):
        return str(message)


@pytest.fixture
def application(owner):
    return build_credit_application(owner.membership.business, by=owner)


# --- Learners' pages --------------------------------------------------------------------------


def test_a_learner_without_a_business_is_sent_to_register_or_join(client, learners_group):
    client.force_login(UserFactory(groups=[learners_group]))
    for name in ("credit:list", "credit:create"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert reverse("lms:business_register") in response.text
        assert reverse("lms:business_join") in response.text
    assert not CreditApplication.objects.exists()


def test_the_owner_files_an_application_with_two_documents(client, owner):
    client.force_login(owner)
    response = client.get(reverse("credit:create"))
    assert response.status_code == 200
    response = client.post(reverse("credit:create"), form_data())
    application = CreditApplication.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("credit:detail", kwargs={"application_id": application.pk})
    assert application.business == owner.membership.business
    assert application.created_by == owner
    assert application.amount_requested == 25_000_000
    assert application.documents == ["ktp", "kk"]
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Bank BPD DIY" in page.text
    assert "Rp 25.000.000" in page.text
    listing = client.get(reverse("credit:list"))
    assert reverse("credit:detail", kwargs={"application_id": application.pk}) in listing.text


def test_double_submit_with_the_same_token_records_one_application(client, owner):
    client.force_login(owner)
    data = form_data()
    first = client.post(reverse("credit:create"), data)
    second = client.post(reverse("credit:create"), data)
    assert first.url == second.url
    assert CreditApplication.objects.count() == 1


@pytest.mark.parametrize("name", ["Koperasi simpan pinjam (KSP/KSPPS)", "Lainnya"])
def test_an_unsupervised_lender_shows_the_warning_before_saving(client, owner, name):
    client.force_login(owner)
    data = form_data(lender=lender_id(name), other_lender_name="Pinjaman Cepat")
    response = client.post(reverse("credit:create"), data)
    assert response.status_code == 400
    assert 'id="lender-warning"' in response.text
    assert "157" in response.text
    assert text_of(CONFIRM_LENDER) in response.text
    assert not CreditApplication.objects.exists()
    response = client.post(reverse("credit:create"), {**data, "confirm_lender": "on"})
    assert response.status_code == 302
    assert CreditApplication.objects.get().lender.name == name


def test_a_supervised_lender_needs_no_confirmation(client, owner):
    client.force_login(owner)
    response = client.post(reverse("credit:create"), form_data(lender=lender_id("PT Pegadaian")))
    assert response.status_code == 302
    page = client.get(response.url)
    assert 'id="lender-warning"' not in page.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount_requested", "banyak", INVALID_AMOUNT),
        ("amount_requested", "²", INVALID_AMOUNT),
        ("amount_requested", "0", services.AMOUNT_OUT_OF_RANGE),
        ("amount_requested", "20 miliar", services.AMOUNT_OUT_OF_RANGE),
        ("rate_percent_per_year", "101", INVALID_RATE),
        ("rate_percent_per_year", "²", INVALID_RATE),
    ],
)
def test_bad_amounts_get_a_clear_message_and_nothing_is_saved(client, owner, field, value, message):
    client.force_login(owner)
    response = client.post(reverse("credit:create"), form_data(**{field: value}))
    assert response.status_code == 400
    assert text_of(message) in response.text
    assert not CreditApplication.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"purpose": "x" * 100_000},
        {"notes": "n" * 100_000},
        {"tenor_months": "²"},
        {"tenor_months": "99999999999999999999999"},
        {"lender": "99999999999999999999999"},
        {"lender": "²"},
        {"documents": ["ktp", "\x00"]},
        {"token": "not-a-token"},
    ],
)
def test_other_bad_input_is_refused_without_a_500(client, owner, overrides):
    client.force_login(owner)
    response = client.post(reverse("credit:create"), form_data(**overrides))
    assert response.status_code == 400
    assert not CreditApplication.objects.exists()


def test_nul_characters_are_cleaned_from_text_and_amounts(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse("credit:create"),
        form_data(purpose="oven\x00 baru", product="KUR\x00", amount_requested="1\x00000"),
    )
    assert response.status_code == 302
    application = CreditApplication.objects.get()
    assert (application.purpose, application.product) == ("oven baru", "KUR")
    assert application.amount_requested == 1000


def test_a_lone_surrogate_is_refused_before_anything_is_written(client, owner):
    from tests.lms.test_bad_input import utf7_multipart

    client.force_login(owner)
    body, content_type = utf7_multipart(
        {**form_data(documents="ktp"), "purpose": "oven \ud800", "amount_requested": "\ud800"}
    )
    response = client.generic("POST", reverse("credit:create"), body, content_type=content_type)
    assert response.status_code == 400
    assert not CreditApplication.objects.exists()


def test_the_form_cleans_lone_surrogates_in_text():
    from credit.forms import ApplicationForm

    form = ApplicationForm(form_data(purpose="oven \ud800", notes="a\udfffb"))
    assert form.is_valid(), form.errors
    assert form.service_values()["purpose"] == "oven \ufffd"
    assert form.service_values()["notes"] == "a\ufffdb"


def test_a_member_edits_the_application(client, owner, member, application):
    client.force_login(member)
    url = reverse("credit:edit", kwargs={"application_id": application.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(amount_requested="Rp 12.500.000", tenor_months="18"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.amount_requested, application.tenor_months) == (12_500_000, 18)
    assert application.created_by == owner


def test_advancing_one_step_with_its_date(client, owner, application):
    client.force_login(owner)
    url = reverse("credit:advance", kwargs={"application_id": application.pk})
    today = timezone.localdate()
    data = {"step": Status.SUBMITTED, "from_step": Status.PREPARING, "on": today.isoformat()}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double tap: recorded once
    application.refresh_from_db()
    assert (application.status, application.submitted_on) == (Status.SUBMITTED, today)


def test_disbursing_before_approval_is_refused_on_the_page(client, owner, application):
    client.force_login(owner)
    application.status = Status.SURVEY
    application.save()
    url = reverse("credit:advance", kwargs={"application_id": application.pk})
    data = {"step": Status.DISBURSED, "from_step": Status.SURVEY, "on": "2026-01-02"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert text_of(services.DISBURSE_BEFORE_APPROVAL) in response.text
    approve = {"step": Status.APPROVED, "from_step": Status.SURVEY, "on": "2026-01-02"}
    response = client.post(url, {**approve, "amount_approved": "0"})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == Status.SURVEY
    response = client.post(url, {**approve, "amount_approved": "9 jt"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.amount_approved) == (Status.APPROVED, 9_000_000)


@pytest.mark.parametrize("on", ["²", "2026-13-40", "x" * 100_000, "2026-01-01\x00"])
def test_a_bad_date_is_refused(client, owner, application, on):
    client.force_login(owner)
    url = reverse("credit:advance", kwargs={"application_id": application.pk})
    data = {"step": Status.SUBMITTED, "from_step": Status.PREPARING, "on": on}
    assert client.post(url, data).status_code == 400
    application.refresh_from_db()
    assert application.status == Status.PREPARING


def test_ticking_documents_on_the_page(client, owner, application):
    client.force_login(owner)
    url = reverse("credit:documents", kwargs={"application_id": application.pk})
    response = client.post(url, {"documents": ["nib", "financial_report"]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.documents == ["nib", "financial_report"]


def test_simulate_opens_the_loan_simulator_with_the_terms(client, owner, application):
    application.amount_requested = 12_000_000
    application.rate_percent_per_year = 12
    application.tenor_months = 12
    application.save()
    client.force_login(owner)
    detail = client.get(reverse("credit:detail", kwargs={"application_id": application.pk}))
    url = reverse("credit:simulate", kwargs={"application_id": application.pk})
    assert url in detail.text
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="12.000.000"' in response.text
    # 12 million over 12 months at 12% a year, effective: Rp 1.066.185 a month (by hand:
    # 12.000.000 x 0,01 / (1 - 1,01^-12) = 1.066.185,46).
    assert "Rp 1.066.185" in response.text
    changed = client.get(
        url,
        {
            "loan-credit-principal": "6 juta",
            "loan-credit-annual_rate": "12",
            "loan-credit-tenor_months": "12",
            "loan-credit-method": "flat",
        },
    )
    assert "Rp 560.000" in changed.text  # 500.000 principal + 60.000 interest a month


# --- Scope ------------------------------------------------------------------------------------


def urls_of(application):
    business_id = application.business_id
    pk = {"application_id": application.pk}
    return {
        "read": [
            reverse("credit:business_list", kwargs={"business_id": business_id}),
            reverse("credit:detail", kwargs=pk),
            reverse("credit:simulate", kwargs=pk),
        ],
        "change": [
            ("get", reverse("credit:edit", kwargs=pk)),
            ("post", reverse("credit:edit", kwargs=pk)),
            ("post", reverse("credit:advance", kwargs=pk)),
            ("post", reverse("credit:documents", kwargs=pk)),
        ],
    }


def change_request(client, method, url, application):
    if method == "get":
        return client.get(url)
    return client.post(
        url,
        {
            **form_data(),
            "step": Status.SUBMITTED,
            "from_step": Status.PREPARING,
            "on": "2026-01-01",
        },
    )


def test_another_business_member_and_another_mentor_get_404(
    client, application, other_owner, other_mentor, two_classes
):
    urls = urls_of(application)
    for person in (other_owner, other_mentor):
        client.force_login(person)
        for url in urls["read"]:
            assert client.get(url).status_code == 404, (person, url)
        for method, url in urls["change"]:
            assert change_request(client, method, url, application).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.PREPARING
    assert application.documents == []


def test_the_businesss_mentor_and_a_coordinator_read_but_do_not_change(
    client, application, mentor, coordinator, two_classes
):
    urls = urls_of(application)
    for person in (mentor, coordinator):
        client.force_login(person)
        for url in urls["read"]:
            response = client.get(url)
            assert response.status_code == 200, (person, url)
        detail = client.get(urls["read"][1])
        assert reverse("credit:edit", kwargs={"application_id": application.pk}) not in detail.text
        for method, url in urls["change"]:
            assert change_request(client, method, url, application).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.PREPARING


def test_a_member_reads_the_list_by_business_id_and_not_another(
    client, member, application, other_owner
):
    client.force_login(member)
    own = reverse("credit:business_list", kwargs={"business_id": application.business_id})
    assert client.get(own).status_code == 200
    theirs = reverse(
        "credit:business_list", kwargs={"business_id": other_owner.membership.business_id}
    )
    assert client.get(theirs).status_code == 404
    assert client.get("/kredit/99999999999999999999/").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, application):
    response = client.get(reverse("credit:detail", kwargs={"application_id": application.pk}))
    assert response.status_code == 302
    assert reverse("lms:sign_in") in response.url


def test_the_list_reads_in_a_bounded_number_of_queries(
    client, owner, django_assert_max_num_queries
):
    for _ in range(20):
        build_credit_application(owner.membership.business, by=owner)
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("credit:list")).status_code == 200


def test_my_courses_links_to_the_credit_applications(client, owner):
    client.force_login(owner)
    response = client.get(reverse("courses:dashboard"))
    assert reverse("credit:list") in response.text


@pytest.mark.parametrize("status", list(Status))
def test_the_detail_page_shows_the_steps_and_only_possible_next_steps(client, owner, status):
    application = build_credit_application(
        owner.membership.business, status=status, amount_approved=5_000_000
    )
    client.force_login(owner)
    response = client.get(reverse("credit:detail", kwargs={"application_id": application.pk}))
    assert response.status_code == 200
    with translation.override("id"):
        assert str(Status(status).label) in response.text
        for step in services_next(status):
            assert f'name="step" value="{step}"' in response.text
    if status in {Status.REFUSED, Status.DISBURSED}:
        assert 'name="step"' not in response.text
    assert "/laporan/" in response.text  # last month's financial report from the cash book


def services_next(status):
    from credit.rules import NEXT_STEPS

    return NEXT_STEPS[status]
