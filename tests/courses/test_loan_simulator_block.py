"""The loan simulator on a lesson page: a plain GET form whose figures come from courses.loans."""

import pytest

from tests.factories import build_loan_simulator_course, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_url(client, owner):
    course = build_loan_simulator_course(learner=owner)
    client.force_login(owner)
    return lessons_of(course)[0].url


def test_first_visit_shows_a_worked_example_from_the_first_preset(client, lesson_url):
    page = client.get(lesson_url).content.decode()
    assert "Rp 860.664" in page
    assert "3,28% per tahun" in page


def test_learner_figures_are_computed_without_javascript(client, lesson_url):
    page = client.get(
        lesson_url,
        {
            "loan-sim1-principal": "1,5 juta",
            "loan-sim1-annual_rate": "0",
            "loan-sim1-tenor_months": "3",
            "loan-sim1-method": "flat",
        },
    ).content.decode()
    assert "Rp 500.000" in page
    assert "Rp 1.500.000" in page


def test_preset_button_sets_rate_and_method(client, lesson_url):
    page = client.get(
        lesson_url,
        {
            "loan-sim1-principal": "10.000.000",
            "loan-sim1-annual_rate": "6",
            "loan-sim1-tenor_months": "12",
            "loan-sim1-method": "annuity",
            "loan-sim1-preset": "1",
        },
    ).content.decode()
    assert "Rp 933.333" in page  # 12% flat: 833.333 principal + 100.000 interest a month


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("principal", "banyak", "Isi jumlah pinjaman dalam rupiah"),
        ("principal", "-5000", "harus lebih dari Rp 0"),
        ("tenor_months", "999", "bilangan bulat dari 1 sampai 360"),
        ("tenor_months", "", "harus diisi"),
        ("annual_rate", "abc", "Isi suku bunga dalam persen"),
    ],
)
def test_bad_input_gets_a_clear_message(client, lesson_url, field, value, message):
    query = {
        "loan-sim1-principal": "10.000.000",
        "loan-sim1-annual_rate": "6",
        "loan-sim1-tenor_months": "12",
        "loan-sim1-method": "annuity",
    }
    query[f"loan-sim1-{field}"] = value
    response = client.get(lesson_url, query)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Periksa angka yang ditandai di atas." in page
    assert "Angsuran per bulan" not in page


def test_the_cached_lesson_body_is_kept_per_language(client, lesson_url):
    """The body is rendered once and kept: the Indonesian copy never answers an English page."""
    assert ">Hitung<" in client.get(lesson_url).content.decode()
    english = client.get(f"/en{lesson_url}").content.decode()
    assert ">Calculate<" in english
    assert ">Hitung<" not in english
    assert ">Hitung<" in client.get(lesson_url).content.decode()
