"""In a real browser: the admin (and its editor) work under the Content-Security-Policy,
two-step verification can be set up from a phone screen, error pages look like the site."""

import pytest
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_two_factor import app_code
from tests.factories import jpeg_bytes, make_article, make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-123"
# Listens before any page script runs; Playwright's init scripts are not subject to CSP.
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(autouse=True)
def plain_http_cookies(settings):
    """The live server speaks plain HTTP: let the browser keep the session cookie."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


class Violations:
    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.console.append(text)

    def visit(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        self.check(url)

    def check(self, where: str) -> None:
        seen = self.page.evaluate("window.__cspViolations || []")
        assert not seen and not self.console, f"{where}: {seen} {self.console}"


@pytest.fixture
def content(db):
    return make_article(
        title="Công an tỉnh tổ chức diễn tập phương án chữa cháy và cứu nạn cứu hộ",
        cover=make_image(data=jpeg_bytes((800, 500)), caption="Diễn tập"),
        featured=True,
    )


def log_in(page, live_server, user) -> None:
    page.goto(live_server.url + "/quan-tri/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")


def test_administrator_enrols_a_phone_then_works_in_the_admin_without_csp_violations(
    live_server, phone, desktop, administrator, content, screenshot
):
    violations = Violations(phone)
    log_in(phone, live_server, administrator)
    assert "/quan-tri/bao-mat/thiet-lap/" in phone.url
    violations.check("setup")
    qr = phone.locator(".two-factor__qr svg")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150  # big enough for a phone camera
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "two-factor-setup-390")

    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    phone.fill("#id_code", app_code(device))
    phone.click("input[type=submit]")
    assert phone.locator(".two-factor__codes li").count() == 10
    violations.check("recovery codes")
    screenshot(phone, "two-factor-recovery-codes-390")

    # The same session, now verified, on a desktop-sized window.
    desktop.context.add_cookies(phone.context.cookies())
    admin = Violations(desktop)
    base = live_server.url + "/quan-tri/"
    for path in [
        "",
        "articles/article/",
        "articles/article/add/",
        f"articles/article/{content.pk}/change/",
        "articles/image/",
        "articles/section/add/",
        "accounts/user/",
        f"accounts/user/{administrator.pk}/change/",
        "axes/accessattempt/",
        "bao-mat/",
        "password_change/",
    ]:
        admin.visit(base + path)
        assert desktop.locator("#site-name").is_visible(), path
    screenshot(desktop, "admin-security-1280")


def test_the_verify_page_and_the_lock_out_page_read_well(live_server, phone, approver, screenshot):
    TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    violations = Violations(phone)
    log_in(phone, live_server, approver)
    assert "/quan-tri/xac-thuc/" in phone.url
    violations.check("verify")
    screenshot(phone, "two-factor-verify-390")

    phone.context.clear_cookies()
    for n in range(5):
        phone.goto(live_server.url + "/quan-tri/login/")
        phone.fill("#id_username", approver.username)
        phone.fill("#id_password", f"sai-mat-khau-{n}")
        phone.click("input[type=submit]")
    assert "Tạm khóa đăng nhập" in phone.locator("h1").inner_text()
    violations.check("locked out")
    screenshot(phone, "login-locked-390")


def test_public_pages_and_error_pages_have_no_csp_violations(
    live_server, phone, content, settings, screenshot
):
    violations = Violations(phone)
    violations.visit(live_server.url + "/")
    violations.visit(live_server.url + content.get_absolute_url())
    violations.visit(live_server.url + "/khong-co-trang-nay/")

    cache.clear()
    settings.PUBLIC_RATE_LIMIT = "1/m"
    phone.goto(live_server.url + "/tim-kiem/?q=an+ninh")
    violations.visit(live_server.url + "/tim-kiem/?q=an+ninh")
    assert "Bạn đang thao tác hơi nhanh" in phone.locator("h1").inner_text()
    screenshot(phone, "rate-limited-390")
    cache.clear()
