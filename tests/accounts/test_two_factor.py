"""Two-step verification: who must use it, enrolling a phone, codes, recovery codes."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from tests.test_settings import settings_in_subprocess

PASSWORD = "mat-khau-rat-dai-123"


def app_code(device: TOTPDevice, at: dt.datetime | None = None) -> str:
    """The code the phone shows now (or at ``at``)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at.timestamp()
    return f"{totp.token():06d}"


def log_in(client, admin_url: str, user, next_path: str = ""):
    return client.post(
        f"{admin_url}login/",
        {"username": user.username, "password": PASSWORD, "next": next_path or admin_url},
    )


@pytest.fixture
def enrolled_approver(approver):
    device = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    return approver, device


def test_approver_with_password_only_is_sent_to_set_up_the_app(client, approver, admin_url):
    response = log_in(client, admin_url, approver)
    assert response.status_code == 302
    response = client.get(admin_url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{admin_url}bao-mat/thiet-lap/")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Thiết lập xác thực hai bước" in html
    assert "<svg" in html  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=approver, confirmed=False)
    assert two_factor.secret_for_typing(device) in html
    # Still no way into the admin's pages.
    assert client.get(f"{admin_url}articles/article/").status_code == 302


def test_enrolling_shows_recovery_codes_once_and_opens_the_admin(client, approver, admin_url):
    log_in(client, admin_url, approver)
    setup = f"{admin_url}bao-mat/thiet-lap/"
    client.get(setup)
    device = TOTPDevice.objects.get(user=approver, confirmed=False)

    wrong = client.post(setup, {"code": "000000" if app_code(device) != "000000" else "111111"})
    assert "Mã không đúng" in wrong.content.decode()

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=3), tick=False):
        response = client.post(setup, {"code": app_code(device)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mã dự phòng của bạn" in html
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", html)
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=approver).count() == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(admin_url).status_code == 200


def test_enrolled_staff_must_type_the_app_code_after_the_password(
    client, enrolled_approver, admin_url
):
    approver, device = enrolled_approver
    log_in(client, admin_url, approver, next_path=f"{admin_url}articles/article/")
    response = client.get(f"{admin_url}articles/article/")
    verify = f"{admin_url}xac-thuc/"
    assert response["Location"].startswith(verify)
    page = client.get(response["Location"]).content.decode()
    assert "Xác thực hai bước" in page

    response = client.post(verify, {"code": app_code(device), "next": "/quan-tri/articles/"})
    assert response.status_code == 302
    assert response["Location"] == "/quan-tri/articles/"
    assert client.get(admin_url).status_code == 200


def test_verification_never_redirects_to_another_site(client, enrolled_approver, admin_url):
    approver, device = enrolled_approver
    log_in(client, admin_url, approver)
    response = client.post(
        f"{admin_url}xac-thuc/", {"code": app_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == admin_url


def test_wrong_codes_slow_the_guesser_down(client, enrolled_approver, admin_url):
    approver, device = enrolled_approver
    log_in(client, admin_url, approver)
    verify = f"{admin_url}xac-thuc/"
    client.post(verify, {"code": "12345" + ("6" if app_code(device)[-1] != "6" else "7")})
    # Even the right code is refused straight after a wrong one: the wait doubles each time.
    response = client.post(verify, {"code": app_code(device)})
    assert response.status_code == 200
    assert "Nhập sai quá nhiều lần" in response.content.decode()
    assert client.get(admin_url).status_code == 302


def test_a_recovery_code_works_once(client, enrolled_approver, admin_url):
    approver, _device = enrolled_approver
    code = two_factor.recovery_codes_issue(user=approver)[0]
    log_in(client, admin_url, approver)
    response = client.post(f"{admin_url}xac-thuc/", {"code": code.upper()})
    assert response.status_code == 302
    assert client.get(admin_url).status_code == 200
    assert StaticToken.objects.filter(device__user=approver).count() == 9

    client.logout()
    log_in(client, admin_url, approver)
    response = client.post(f"{admin_url}xac-thuc/", {"code": code})
    assert response.status_code == 200
    assert client.get(admin_url).status_code == 302


def test_the_password_alone_cannot_attach_a_new_phone(client, enrolled_approver, admin_url):
    approver, device = enrolled_approver
    log_in(client, admin_url, approver)
    response = client.get(f"{admin_url}bao-mat/thiet-lap/")
    assert response["Location"].startswith(f"{admin_url}xac-thuc/")
    assert list(TOTPDevice.objects.filter(user=approver)) == [device]


def test_reporter_works_without_it_unless_every_account_must(client, reporter, admin_url, settings):
    log_in(client, admin_url, reporter)
    assert client.get(admin_url).status_code == 200

    settings.TWO_FACTOR_REQUIRED = "all"
    response = client.get(admin_url)
    assert response["Location"].startswith(f"{admin_url}bao-mat/thiet-lap/")


def test_a_reporter_who_enrolled_is_always_asked(client, reporter, admin_url):
    TOTPDevice.objects.create(user=reporter, name="authenticator", confirmed=True)
    log_in(client, admin_url, reporter)
    assert client.get(admin_url)["Location"].startswith(f"{admin_url}xac-thuc/")


def test_administrators_and_approvers_are_the_privileged_roles(
    approver, administrator, editor, reporter, photo_staff
):
    assert two_factor.is_required_for(approver)
    assert two_factor.is_required_for(administrator)
    assert not two_factor.is_required_for(editor)
    assert not two_factor.is_required_for(reporter)
    assert not two_factor.is_required_for(photo_staff)


def test_the_admin_site_itself_refuses_an_unverified_session(enrolled_approver):
    approver, _device = enrolled_approver
    request = RequestFactory().get("/quan-tri/")
    request.user = approver
    approver.is_verified = lambda: False
    assert not admin.site.has_permission(request)
    approver.is_verified = lambda: True
    assert admin.site.has_permission(request)


def test_an_unverified_session_counts_as_anonymous_outside_the_admin(
    client, enrolled_approver, admin_url, rf
):
    from accounts.middleware import SecondFactorMiddleware

    approver, _device = enrolled_approver
    seen = {}

    def view(request):
        seen["user"] = request.user
        return None

    request = rf.get("/xem-truoc/bai-viet/1/")
    request.user = approver
    approver.is_verified = lambda: False
    SecondFactorMiddleware(view)(request)
    assert seen["user"].is_anonymous


def test_staff_manage_their_own_codes_on_the_security_page(client, approver, admin_url):
    client.force_login(approver)
    page = client.get(f"{admin_url}bao-mat/")
    assert "Bảo mật tài khoản" in page.content.decode()
    response = client.post(f"{admin_url}bao-mat/ma-du-phong/")
    assert len(re.findall(r"<code>[a-z2-7]{4}-[a-z2-7]{4}</code>", response.content.decode())) == 10


def test_administrator_resets_a_lost_phone(client, administrator, enrolled_approver, admin_url):
    approver, _device = enrolled_approver
    two_factor.recovery_codes_issue(user=approver)
    client.force_login(administrator)
    response = client.post(
        f"{admin_url}accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [approver.pk]},
        follow=True,
    )
    assert "đặt lại xác thực hai bước" in response.content.decode().lower()
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticToken.objects.filter(device__user=approver).exists()


def test_device_secrets_are_not_browsable_in_the_admin(client, administrator, admin_url):
    client.force_login(administrator)
    assert client.get(f"{admin_url}otp_totp/totpdevice/").status_code == 404
    assert client.get(f"{admin_url}otp_static/staticdevice/").status_code == 404


def test_codes_from_a_phone_a_few_seconds_off_are_accepted(client, enrolled_approver, admin_url):
    approver, device = enrolled_approver
    log_in(client, admin_url, approver)
    late = timezone.now() - dt.timedelta(seconds=30)
    response = client.post(f"{admin_url}xac-thuc/", {"code": app_code(device, at=late)})
    assert response.status_code == 302


def test_production_refuses_to_switch_two_factor_off():
    result = settings_in_subprocess(
        "settings.DEBUG", SECRET_KEY="x" * 50, TWO_FACTOR_REQUIRED="none"
    )
    assert result.returncode != 0
    assert "TWO_FACTOR_REQUIRED=none is only allowed with DEBUG" in result.stderr


def test_time_travel_does_not_reopen_a_used_code(client, enrolled_approver, admin_url):
    approver, device = enrolled_approver
    code = app_code(device)
    log_in(client, admin_url, approver)
    client.post(f"{admin_url}xac-thuc/", {"code": code})
    client.logout()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5), tick=False):
        log_in(client, admin_url, approver)
        response = client.post(f"{admin_url}xac-thuc/", {"code": code})
    assert response.status_code == 200  # the same code cannot be replayed
