"""Check-in pages: filling, editing, the due notices, scope and bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import CourseCompletion, Enrolment
from outcomes.forms import CHECK_AGAIN
from outcomes.models import CheckIn, CheckInPlan
from outcomes.services import NOT_DUE, CheckInRefused, checkin_save

pytestmark = pytest.mark.django_db

FIGURES = {"revenue_per_day": "750rb", "products_per_day": "40", "channels": ["whatsapp"]}


@pytest.fixture
def course(two_classes):
    CheckInPlan.objects.create(course=two_classes.course)
    return two_classes.course


def form_url(course, moment="before"):
    return reverse("outcomes:checkin", args=[course.pk, moment])


def complete(learner, course, days_ago):
    CourseCompletion.objects.create(
        learner=learner,
        course=course,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_a_member_fills_the_due_before_check_in(client, owner, member, course):
    client.force_login(member)

    assert client.get(form_url(course)).status_code == 200
    response = client.post(form_url(course), FIGURES)

    assert response.status_code == 302
    assert response["Location"] == reverse("outcomes:mine")
    checkin = CheckIn.objects.get()
    assert (checkin.business, checkin.course, checkin.moment) == (
        owner.membership.business,
        course,
        "before",
    )
    assert (checkin.revenue_per_day, checkin.products_per_day) == (750_000, 40)
    assert checkin.channels == ["whatsapp"]
    assert checkin.filled_by == member
    page = client.get(reverse("outcomes:mine")).content.decode()
    assert "Rp 750.000" in page


def test_another_member_edits_it_and_who_changed_it_is_kept(client, owner, member, course):
    client.force_login(member)
    client.post(form_url(course), FIGURES)
    first = CheckIn.objects.get()
    client.force_login(owner)

    page = client.get(form_url(course)).content.decode()
    assert 'value="750.000"' in page
    client.post(form_url(course), {**FIGURES, "revenue_per_day": "1 juta"})

    checkin = CheckIn.objects.get()
    assert checkin.revenue_per_day == 1_000_000
    assert checkin.filled_by == member
    assert checkin.filled_at == first.filled_at
    assert checkin.updated_by == owner
    assert checkin.updated_at >= first.updated_at


def test_double_submit_records_one_check_in(client, owner, course):
    client.force_login(owner)
    client.post(form_url(course), FIGURES)
    client.post(form_url(course), FIGURES)

    assert CheckIn.objects.count() == 1


def test_unusual_figures_are_saved_only_after_yes_that_is_right(client, owner, course):
    client.force_login(owner)
    data = {**FIGURES, "revenue_per_day": "5 miliar"}

    response = client.post(form_url(course), data)
    assert response.status_code == 200
    with translation.override("id"):
        assert str(CHECK_AGAIN) in response.content.decode()
    assert "Rp 5.000.000.000" in response.content.decode()
    assert not CheckIn.objects.exists()

    response = client.post(form_url(course), {**data, "confirm": "on"})
    assert response.status_code == 302
    assert CheckIn.objects.get().revenue_per_day == 5_000_000_000


@pytest.mark.parametrize(
    "value", ["\x00", "x" * 100_000, "²", "Rp 1.5 juta", "-100", "1 juta juta"]
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, owner, course, value):
    client.force_login(owner)

    response = client.post(
        form_url(course), {**FIGURES, "revenue_per_day": value, "followers": value}
    )

    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_moment_not_due_is_refused_and_nothing_saved(client, owner, course):
    client.force_login(owner)

    response = client.post(form_url(course, "end"), FIGURES)

    assert response.status_code == 302
    assert not CheckIn.objects.exists()
    with pytest.raises(CheckInRefused) as error:
        checkin_save(
            business=owner.membership.business,
            course=course,
            moment="month_1",
            person=owner,
            figures={"revenue_per_day": 1},
        )
    assert error.value.message == NOT_DUE


def test_an_unknown_moment_or_course_is_404(client, owner, course):
    client.force_login(owner)

    assert client.get(form_url(course, "month_2")).status_code == 404
    assert client.get(reverse("outcomes:checkin", args=[999_999, "before"])).status_code == 404


def test_a_completed_course_asks_for_the_end_check_in_then_the_follow_ups(
    client, owner, member, course
):
    complete(member, course, days_ago=3)
    client.force_login(owner)

    assert client.post(form_url(course, "before"), FIGURES).status_code == 302
    assert not CheckIn.objects.exists()  # closed once the business completed
    client.post(form_url(course, "end"), FIGURES)
    assert CheckIn.objects.get().moment == "end"


def test_the_due_check_in_is_announced_on_my_courses_and_the_course_page(client, owner, course):
    client.force_login(owner)

    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    page = client.get(course.url).content.decode()

    assert form_url(course) in dashboard
    assert form_url(course) in page
    client.post(form_url(course), FIGURES)
    assert form_url(course) not in client.get(reverse("courses:dashboard")).content.decode()
    assert form_url(course) not in client.get(course.url).content.decode()


def test_a_course_without_a_plan_asks_nothing(client, owner, two_classes):
    client.force_login(owner)

    assert form_url(two_classes.course) not in client.get(two_classes.course.url).content.decode()
    assert client.post(form_url(two_classes.course), FIGURES).status_code == 302
    assert not CheckIn.objects.exists()


def test_the_course_page_notice_adds_no_query_when_warm(
    client, owner, course, django_assert_max_num_queries
):
    client.force_login(owner)
    client.get(course.url)
    with django_assert_max_num_queries(100) as with_plan:
        client.get(course.url)
    CheckInPlan.objects.all().delete()
    client.get(course.url)
    with django_assert_max_num_queries(100) as without_plan:
        client.get(course.url)
    assert len(with_plan.captured_queries) == len(without_plan.captured_queries)


def test_a_learner_without_a_business_is_told_how_to_get_one(client, course, learners_group):
    from tests.factories import UserFactory

    loner = UserFactory(full_name="Sendiri", groups=[learners_group])
    Enrolment.objects.create(learner=loner, course=course)
    client.force_login(loner)

    for url in (reverse("outcomes:mine"), form_url(course)):
        response = client.get(url)
        assert response.status_code == 200
        assert reverse("lms:business_register") in response.content.decode()
        assert reverse("lms:business_join") in response.content.decode()


# --- Scope --------------------------------------------------------------------------------------


@pytest.fixture
def filled(owner, course):
    return checkin_save(
        business=owner.membership.business,
        course=course,
        moment="before",
        person=owner,
        figures={"revenue_per_day": 750_000},
    )


def business_url(owner):
    return reverse("outcomes:business", args=[owner.membership.business.pk])


@pytest.mark.parametrize("reader", ["member", "mentor", "coordinator"])
def test_members_their_mentor_and_coordinators_read_the_business_check_ins(
    client, request, owner, filled, reader
):
    client.force_login(request.getfixturevalue(reader))

    response = client.get(business_url(owner))

    assert response.status_code == 200
    assert "Rp 750.000" in response.content.decode()


@pytest.mark.parametrize("reader", ["other_owner", "other_mentor"])
def test_another_business_and_another_mentor_get_404(client, request, owner, filled, reader):
    client.force_login(request.getfixturevalue(reader))

    assert client.get(business_url(owner)).status_code == 404


def test_staff_read_but_cannot_fill_and_others_cannot_fill_for_the_business(
    client, owner, other_owner, mentor, filled, course
):
    client.force_login(mentor)
    page = client.get(business_url(owner)).content.decode()
    assert form_url(course) not in page
    assert client.post(form_url(course), FIGURES).status_code == 200  # no business: the notice
    client.force_login(other_owner)
    client.post(form_url(course), {**FIGURES, "revenue_per_day": "1"})

    checkins = CheckIn.objects.order_by("pk")
    assert [c.business for c in checkins] == [
        owner.membership.business,
        other_owner.membership.business,
    ]
    assert checkins[0].revenue_per_day == 750_000


def test_a_non_existent_business_is_404(client, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("outcomes:business", args=[999_999])).status_code == 404
    assert client.get("/perkembangan/" + "9" * 30 + "/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, owner, course):
    for url in (reverse("outcomes:mine"), business_url(owner), form_url(course)):
        assert client.get(url).status_code == 302


def test_a_new_check_in_is_pre_filled_from_the_cash_book(client, owner, course):
    from cashbook.services import entry_add

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for amount, channel in (("1,2 juta", "online"), ("1,8 juta", "offline")):
        entry_add(
            membership=owner.membership,
            kind="sale",
            day=yesterday,
            amount=amount,
            units=15,
            channel=channel,
        )
    entry_add(
        membership=owner.membership,
        kind="cost",
        day=yesterday,
        amount="300rb",
        category="advertising",
    )
    client.force_login(owner)

    page = client.get(form_url(course)).content.decode()

    # 3.000.000 over 30 days; 30 units over 30 days; 40% online; 300.000 on ads.
    assert 'name="revenue_per_day" value="100.000"' in page
    assert 'name="products_per_day" value="1"' in page
    assert 'name="online_share_percent" value="40"' in page
    assert 'name="ad_spend_last_month" value="300.000"' in page
    with translation.override("id"):
        from outcomes.forms import FROM_CASHBOOK

        assert page.count(str(FROM_CASHBOOK)) == 4


def test_without_a_cash_book_the_form_starts_empty(client, owner, course):
    client.force_login(owner)

    page = client.get(form_url(course)).content.decode()

    assert 'name="revenue_per_day" value=' not in page
