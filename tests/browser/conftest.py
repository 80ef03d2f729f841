"""Headless Chromium through Playwright, against Django's live test server.

Locally the browser tests skip when Chromium is missing; under CI=true that is a failure.

Every page opened through the ``phone``/``desktop``/``new_page`` fixtures is watched: a
console error, an uncaught script error or a Content-Security-Policy violation on any page
fails the test when it ends (``PageProblems``).
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_two_factor import app_code
from tests.conftest import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# test itself (creating fixtures) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# How long a step that makes the server work (an upload, a save) may take on a busy CI box.
SLOW_STEP_MS = 60_000

# Runs before any page script, in every frame; init scripts are not subject to the CSP.
# The exposed function survives navigations, so nothing is lost between pages.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__newsroomCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""


@pytest.fixture(autouse=True)
def _on_postgresql():
    """Browser tests drive the live server against PostgreSQL (make test-pg).

    On SQLite the test database lives in memory, shared by the test and the live server's
    request threads through one cache: a request still in flight when a test ends (a view
    count, an autosave) holds a table lock and the flush between tests fails.
    """
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("browser tests run on PostgreSQL: make test-pg (DATABASE_URL=postgres://…)")


@pytest.fixture(autouse=True)
def plain_http_cookies(settings):
    """The live server speaks plain HTTP: let the browser keep the session cookie."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (install it: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        # While Playwright runs, the tests run in its greenlet, whose context has its own
        # database connections: closed here, or the session would end with one still open
        # and the test database could not be dropped ("being accessed by other users").
        connections.close_all()
        browser.close()


class PageProblems:
    """Collects what a visitor's browser complains about, on every page of a context."""

    def __init__(self):
        self.found: list[str] = []
        self.allowed: list[str] = []

    def allow(self, fragment: str) -> None:
        """Accept console errors containing ``fragment``: for a page whose error status is
        the point of the test (Chromium logs a 404 or 410 document as a console error)."""
        self.allowed.append(fragment)

    def watch(self, context) -> None:
        context.expose_function("__newsroomCspViolation", self._csp)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        for page in context.pages:
            self._watch_page(page)
        context.on("page", self._watch_page)  # popups too (the preview opens a new tab)

    def _watch_page(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"script error: {error}"))

    def _console(self, message) -> None:
        if message.type == "error" and not any(a in message.text for a in self.allowed):
            where = message.location.get("url", "") if message.location else ""
            self.found.append(f"console error: {message.text} ({where})")

    def _csp(self, text: str) -> None:
        self.found.append(f"CSP violation: {text}")


@pytest.fixture
def page_problems():
    """Fails the test at teardown if any watched page logged an error or broke the CSP."""
    problems = PageProblems()
    yield problems
    if problems.found:
        pytest.fail("The browser complained:\n" + "\n".join(problems.found), pytrace=False)


@pytest.fixture
def new_page(browser, page_problems):
    """``new_page(width=390)``: a fresh, watched browser context (its own cookies)."""
    contexts = []

    def open_page(width: int = 1280, height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page_problems.watch(context)
        context.set_default_timeout(15_000)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def phone(new_page):
    """A 390 px wide phone screen."""
    return new_page(390, 844, device_scale_factor=2)


@pytest.fixture
def desktop(new_page):
    return new_page(1280, 900)


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/ for a human to look at."""

    def save(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def log_in(page, live_server, user, *, password: str = PASSWORD, app: bool = True) -> None:
    """Log in through the admin's real pages, the app code included where it is asked
    (unless ``app=False``). The code is computed from the device's key, as the phone app
    computes it (RFC 6238).
    """
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")
    if app and "/xac-thuc/" in page.url:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        page.fill("#id_code", app_code(device))
        with page.expect_navigation():
            page.click("input[type=submit]")


def log_in_quickly(page, live_server, user) -> None:
    """A logged-in session without the log-in pages, for tests about something else."""
    client = Client()
    client.force_login(user)  # passes the second factor too (tests/conftest.py)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": urlsplit(live_server.url).hostname,
                "path": "/",
            }
        ]
    )


def page_overflows(page) -> bool:
    """The page scrolls sideways (something is wider than the screen)."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
