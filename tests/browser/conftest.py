"""Browser tests: the system Chromium, at a phone's size, against Django's live server.

Tests drive pages through the ``browsing`` fixture. After every navigation it checks the page with
axe (no serious or critical WCAG 2.2 AA violation) and checks that every request the page made
went to the live server; at the end of a passing test it fails if some page went unchecked.
``browsing.leaving_for(host)`` marks the one deliberate exception, such as tapping play on a video.
"""

import os
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

# Playwright's sync API keeps an event loop running in this thread; without this Django refuses
# the ORM calls that tests and the database fixtures make from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 360, "height": 640}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
BLOCKING_IMPACTS = {"serious", "critical"}
LOCAL_SCHEMES = {"data", "blob", "about"}

_AXE = Axe()
_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test under tests/browser, before ``-m`` selects on the marks."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep the call phase's report so ``browsing`` can tell whether the test passed."""
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch the Debian Chromium; without it, skip locally and fail in CI."""
    if not os.access(CHROMIUM, os.X_OK):
        reason = (
            f"Browser tests need the system Chromium at {CHROMIUM} "
            "(Debian package 'chromium'); it is missing."
        )
        if _in_ci():
            pytest.fail(f"{reason} CI=true, so this is an error, not a skip.", pytrace=False)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A small Android phone: 360x640, touch, Indonesian locale and Yogyakarta's time zone."""
    return {
        **browser_context_args,
        "viewport": PHONE_VIEWPORT,
        "screen": PHONE_VIEWPORT,
        "is_mobile": True,
        "has_touch": True,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
    }


def _targets(node) -> str:
    # A target is a CSS selector, or a list of them for elements inside iframes or shadow roots.
    return ", ".join(
        " >>> ".join(target) if isinstance(target, list) else target for target in node["target"]
    )


def assert_accessible(page) -> None:
    """Run axe on the page as it stands; fail on any serious or critical violation."""
    violations = _AXE.run(page, options=AXE_OPTIONS).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    lines = [f"axe found {len(blocking)} serious or critical violation(s) on {page.url}:"]
    for violation in blocking:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    at {_targets(node)}" for node in violation["nodes"])
    assert not blocking, "\n".join(lines)


def assert_no_third_party_requests(urls, server_url: str) -> None:
    """Fail if any of ``urls`` went anywhere but the live server (fonts, analytics, CDNs...)."""
    own = urlsplit(server_url).netloc
    elsewhere = sorted(
        {
            url
            for url in urls
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own
        }
    )
    assert not elsewhere, f"Requests left the live server ({own}):\n" + "\n".join(elsewhere)


class Browsing:
    """One phone's tab on the live server; every page it lands on gets checked."""

    def __init__(self, page, server_url: str):
        self.page = page
        self.server_url = server_url
        self.requested_urls: list[str] = []
        self.loads = 0
        self.checked_loads = 0
        self._leaving: tuple[str, int, list[str]] | None = None  # see leaving_for()
        page.on("request", lambda request: self.requested_urls.append(request.url))
        page.on("load", self._loaded)

    def _loaded(self, _page) -> None:
        self.loads += 1

    def url(self, path: str) -> str:
        return self.server_url + path

    def visit(self, path: str) -> None:
        """Open a path on the live server and check the page."""
        self.page.goto(self.url(path))
        self.check()

    def submit(self, button) -> None:
        """Click a button that submits a form, wait for the next page, and check it."""
        with self.page.expect_event("load"):
            button.click()
        self.check()

    def follow(self, link) -> None:
        """Tap a link, wait for the page it opens, and check it."""
        self.submit(link)

    @contextmanager
    def leaving_for(self, host: str):
        """The one deliberate exception to "requests stay on the live server", for a block of steps.

        From here to the end of the test, requests to ``host`` (exactly that host name) are
        aborted, so nothing reaches the internet. Those made inside the block are left out of the
        host check and collected in the list the block receives; wait for them inside the block
        (``page.expect_request``). Requests before the block must already pass the check, and
        requests to any other host, or to ``host`` after the block, still fail it.
        """
        assert_no_third_party_requests(self.requested_urls, self.server_url)
        self.page.route(lambda url: urlsplit(url).hostname == host, lambda route: route.abort())
        allowed: list[str] = []
        self._leaving = (host, len(self.requested_urls), allowed)
        try:
            yield allowed
        finally:
            self._set_aside_allowed()
            self._leaving = None

    def _set_aside_allowed(self) -> None:
        """Move the requests that ``leaving_for`` allows out of the ones the host check sees."""
        if self._leaving is None:
            return
        host, start, allowed = self._leaving
        during = self.requested_urls[start:]
        allowed.extend(url for url in during if urlsplit(url).hostname == host)
        self.requested_urls[start:] = [url for url in during if urlsplit(url).hostname != host]

    def sign_in(self, identifier: str, password: str) -> None:
        """Sign in on the sign-in page; lands on the profile."""
        self.visit("/akun/masuk/")
        self.page.get_by_label("Nomor HP atau email", exact=True).fill(identifier)
        self.page.get_by_label("Kata sandi", exact=True).fill(password)
        self.submit(self.page.get_by_role("button", name="Masuk"))
        expect(self.page).to_have_url(self.url("/akun/profil/"))

    def sign_out(self) -> None:
        """Sign out from the profile page; lands on the home page, signed out."""
        self.visit("/akun/profil/")
        self.submit(self.page.get_by_role("button", name="Keluar", exact=True))
        expect(self.page).to_have_url(self.url("/"))
        expect(
            self.page.get_by_role("navigation").get_by_role("link", name="Masuk")
        ).to_be_visible()

    def wait_until(self, condition, *, what: str, timeout_ms: int = 5_000):
        """Poll ``condition()`` (a database query, say) until it returns something truthy.

        Waits with Playwright's clock, so the page keeps running meanwhile (timers fire, requests
        reach the live server); fails naming ``what`` if ``timeout_ms`` passes first.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while not (result := condition()):
            assert time.monotonic() < deadline, f"Waited {timeout_ms} ms for {what}; it never did."
            self.page.wait_for_timeout(100)
        return result

    def check(self) -> None:
        """Check the current page: requests stay on the live server and axe finds nothing grave."""
        self._set_aside_allowed()
        assert_no_third_party_requests(self.requested_urls, self.server_url)
        self.page.evaluate(SETTLE_ANIMATIONS)
        assert_accessible(self.page)
        self.checked_loads = self.loads


# Waits (at most 1.5 s) for the page's finite transitions and animations, such as the admin's
# message fading in, so that axe measures the colours people end up seeing, not a frame of a fade.
SETTLE_ANIMATIONS = """() => Promise.race([
    Promise.all(document.getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 1500)),
])"""


@pytest.fixture
def browsing(page, live_server, request):
    """The ``page`` wrapped in ``Browsing``; fails a passing test that left a page unchecked."""
    page.set_default_timeout(10_000)
    tab = Browsing(page, live_server.url)
    yield tab
    report = request.node.stash.get(_CALL_REPORT, None)
    if report is not None and report.passed:
        unchecked = tab.loads - tab.checked_loads
        assert not unchecked, (
            f"{unchecked} page load(s) were never checked; call browsing.check() after "
            "navigating, or navigate with browsing.visit() / browsing.submit()."
        )
        assert_no_third_party_requests(tab.requested_urls, live_server.url)
