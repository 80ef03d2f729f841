"""In a real browser: the admin (and its editor) work under the Content-Security-Policy,
two-step verification can be set up from a phone screen, error pages look like the site.

Violations and console errors on every page are caught by the page_problems fixture."""

import pytest
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.test_two_factor import app_code
from tests.browser.conftest import log_in
from tests.factories import jpeg_bytes, make_article, make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")  # late scripts and styles have run too


@pytest.fixture
def content(db):
    return make_article(
        title="Công an tỉnh tổ chức diễn tập phương án chữa cháy và cứu nạn cứu hộ",
        cover=make_image(data=jpeg_bytes((800, 500)), caption="Diễn tập"),
        featured=True,
    )


def test_administrator_enrols_a_phone_then_works_in_the_admin_without_csp_violations(
    live_server, phone, desktop, administrator, content, screenshot
):
    log_in(phone, live_server, administrator)
    assert "/quan-tri/bao-mat/thiet-lap/" in phone.url
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
    screenshot(phone, "two-factor-recovery-codes-390")

    # The same session, now verified, on a desktop-sized window.
    desktop.context.add_cookies(phone.context.cookies())
    base = live_server.url + "/quan-tri/"
    for path in [
        "",
        "articles/article/",
        "articles/article/add/",
        f"articles/article/{content.pk}/change/",
        "photos/image/",
        "articles/section/add/",
        "accounts/user/",
        f"accounts/user/{administrator.pk}/change/",
        "axes/accessattempt/",
        "bao-mat/",
        "password_change/",
    ]:
        visit(desktop, base + path)
        assert desktop.locator(".desk-brand").is_visible(), path
    screenshot(desktop, "admin-security-1280")


def test_the_verify_page_and_the_lock_out_page_read_well(
    live_server, phone, approver, page_problems, screenshot
):
    device = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    log_in(phone, live_server, approver, app=False)
    assert "/quan-tri/xac-thuc/" in phone.url
    screenshot(phone, "two-factor-verify-390")

    phone.context.clear_cookies()
    page_problems.allow("status of 429")  # the lock-out page answers 429, on purpose
    for n in range(5):
        phone.goto(live_server.url + "/quan-tri/login/")
        phone.fill("#id_username", approver.username)
        phone.fill("#id_password", f"sai-mat-khau-{n}")
        phone.click("input[type=submit]")
    expect(phone.locator("h1")).to_contain_text("Tạm khóa đăng nhập")
    screenshot(phone, "login-locked-390")

    # The owner lifts the lock with the app's code.
    phone.click("text=Mở khóa đăng nhập của tôi")
    expect(phone.locator("#code_username")).to_have_value(approver.username)
    screenshot(phone, "login-unlock-390")
    phone.fill("#code_code", app_code(device))
    phone.click("form:has(#code_code) input[type=submit]")
    expect(phone.locator("h1")).to_contain_text("Đã mở khóa đăng nhập")
    screenshot(phone, "login-unlocked-390")


def test_public_pages_and_error_pages_have_no_csp_violations(
    live_server, phone, content, settings, page_problems, screenshot
):
    # Error pages answer with their status; Chromium logs that status as a console error.
    page_problems.allow("status of 404")
    page_problems.allow("status of 429")
    visit(phone, live_server.url + "/")
    visit(phone, live_server.url + content.get_absolute_url())
    visit(phone, live_server.url + "/khong-co-trang-nay/")

    cache.clear()
    settings.PUBLIC_RATE_LIMIT = "1/m"
    phone.goto(live_server.url + "/tim-kiem/?q=an+ninh")
    visit(phone, live_server.url + "/tim-kiem/?q=an+ninh+trat+tu")  # a search not yet made
    assert "Bạn đang thao tác hơi nhanh" in phone.locator("h1").inner_text()
    screenshot(phone, "rate-limited-390")
    cache.clear()
