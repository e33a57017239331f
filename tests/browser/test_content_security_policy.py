"""The Content-Security-Policy as Chromium enforces it: learner pages (including the loan
simulator's live recalculation) break none of its rules, and a mentor still works in the Wagtail
admin under its looser policy."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, build_course, build_loan_simulator_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def watch_violations(page) -> list[str]:
    """Collect what Chromium refuses under the policy (it reports each refusal on the console)."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_learner_pages_and_the_loan_simulator_break_no_rule(browsing, owner):
    course = build_loan_simulator_course(learner=owner)
    page = browsing.page
    refused = watch_violations(page)

    browsing.visit("/")
    browsing.sign_in(owner.phone, PASSWORD)
    browsing.visit(course.url)
    browsing.visit(lessons_of(course)[0].url)
    with page.expect_response(lambda response: "principal" in response.url):
        page.get_by_label("Jumlah pinjaman", exact=False).fill("20000000")
    browsing.check()
    assert refused == []


def test_mentor_works_in_the_admin_under_its_policy(page, live_server, mentor):
    course = build_course(weeks=1, lessons_per_week=1)
    lesson = lessons_of(course)[0]
    refused = watch_violations(page)
    page.set_default_timeout(10_000)

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(mentor.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    for path in (
        f"/admin/pages/{lesson.pk}/edit/",
        f"/admin/pages/{course.pk}/",
        "/admin/images/multiple/add/",
        "/admin/documents/multiple/add/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator("main, #main").first).to_be_visible()
    assert refused == []
