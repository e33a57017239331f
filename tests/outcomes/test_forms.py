"""The check-in form: figures as people type them, refusals, and the "periksa lagi" step."""

import pytest

from outcomes.forms import (
    COUNT_TOO_LARGE,
    NOT_A_COUNT,
    NOT_A_PERCENT,
    OFFLINE_WITH_ONLINE,
    WARN_AD_SPEND,
    WARN_FOLLOWERS,
    WARN_PRODUCTS,
    WARN_REVENUE,
    CheckInForm,
)


def form(**data):
    return CheckInForm(data={"revenue_per_day": "750rb", **data})


def test_figures_typed_as_people_type_them_are_read():
    bound = form(
        revenue_per_day="Rp 1.250.000",
        products_per_day="1.500",
        online_share_percent="40%",
        channels=["whatsapp", "instagram"],
        followers="12,5rb",
        ad_spend_last_month="250k",
        keeps_books="yes",
        has_monthly_report="no",
    )

    assert bound.is_valid(), bound.errors
    assert bound.figures() == {
        "revenue_per_day": 1_250_000,
        "products_per_day": 1_500,
        "online_share_percent": 40,
        "channels": ["whatsapp", "instagram"],
        "followers": 12_500,
        "ad_spend_last_month": 250_000,
        "keeps_books": True,
        "has_monthly_report": False,
        "applied_for_credit": None,
    }
    assert bound.warnings == []
    assert not bound.needs_confirmation


def test_only_the_revenue_is_required():
    assert not CheckInForm(data={}).is_valid()
    bound = CheckInForm(data={"revenue_per_day": "0"})
    assert bound.is_valid()
    assert bound.figures()["revenue_per_day"] == 0
    assert bound.figures()["products_per_day"] is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("products_per_day", "1,5", NOT_A_COUNT),
        ("products_per_day", "-3", NOT_A_COUNT),
        ("products_per_day", "²", NOT_A_COUNT),
        ("products_per_day", "20 juta", COUNT_TOO_LARGE % {"limit": "10.000.000"}),
        ("followers", "banyak", NOT_A_COUNT),
        ("online_share_percent", "150", NOT_A_PERCENT),
        ("online_share_percent", "-1", NOT_A_PERCENT),
        ("online_share_percent", "setengah", NOT_A_PERCENT),
    ],
)
def test_a_figure_that_cannot_be_right_is_refused_with_its_message(field, value, message):
    bound = form(**{field: value})

    assert not bound.is_valid()
    assert bound.errors[field] == [str(message)]


@pytest.mark.parametrize("value", ["\ud800", "x" * 100_000, "²", "1" * 100_000, "Rp 250.000\ud800"])
def test_bad_text_is_refused_without_an_exception(value):
    for field in ("revenue_per_day", "products_per_day", "followers", "online_share_percent"):
        bound = form(**{field: value})
        assert not bound.is_valid()
        assert field in bound.errors


def test_a_nul_in_a_figure_is_dropped_at_the_edge():
    bound = form(revenue_per_day="250\x00rb", products_per_day="\x0012")

    assert bound.is_valid()
    assert bound.figures()["revenue_per_day"] == 250_000
    assert bound.figures()["products_per_day"] == 12


def test_offline_only_with_online_channels_is_refused():
    bound = form(channels=["offline", "whatsapp"])

    assert not bound.is_valid()
    assert bound.errors["channels"] == [str(OFFLINE_WITH_ONLINE)]
    assert form(channels=["offline"]).is_valid()
    assert not form(channels=["telegram"]).is_valid()


def test_unusual_figures_are_shown_back_and_wait_for_a_confirmation():
    data = {
        "revenue_per_day": "2 miliar",
        "products_per_day": "200rb",
        "followers": "150 juta",
        "ad_spend_last_month": "70 miliar",
    }
    bound = form(**data)

    assert bound.is_valid()
    assert bound.warnings == [
        WARN_REVENUE % {"value": "Rp 2.000.000.000"},
        WARN_PRODUCTS % {"value": "200.000"},
        WARN_FOLLOWERS % {"value": "150.000.000"},
        WARN_AD_SPEND % {"value": "Rp 70.000.000.000"},
    ]
    assert bound.needs_confirmation

    confirmed = form(**data, confirm="on")
    assert confirmed.is_valid()
    assert not confirmed.needs_confirmation


def test_ad_spend_of_up_to_a_month_of_revenue_passes_without_a_second_look():
    bound = form(revenue_per_day="100rb", ad_spend_last_month="3,1 juta")
    assert bound.is_valid()
    assert bound.warnings == []
    bound = form(revenue_per_day="100rb", ad_spend_last_month="3.100.001")
    assert bound.is_valid()
    assert bound.warnings == [WARN_AD_SPEND % {"value": "Rp 3.100.001"}]
