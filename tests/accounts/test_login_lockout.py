"""Guessing passwords is throttled, and nobody can keep a colleague locked out.

Five wrong passwords lock an account at the address they came from; many from
everywhere hold it at new addresses; many from one address lock that address. No lock is
extended by what is tried during it, and the owner lifts it with a code or an e-mailed
link; administrators see and clear locks.
"""

import datetime as dt
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import lockouts
from accounts.models import User
from accounts.roles import Role, group_of
from tests.accounts.test_two_factor import app_code

PASSWORD = "mat-khau-rat-dai-123"


# Rules 2 and 3 with smaller limits than the default 20: each wrong password costs an
# Argon2 hash, and the rules are the same at any limit.
WIDE_LIMIT = 8


@pytest.fixture(autouse=True)
def wide_limits(settings):
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = WIDE_LIMIT
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = WIDE_LIMIT


def attempt(client, admin_url, username, password, ip="203.0.113.7"):
    return client.post(
        f"{admin_url}login/",
        {"username": username, "password": password, "next": admin_url},
        REMOTE_ADDR=ip,
    )


def fail_five_times(client, admin_url, username, ips=None):
    for n in range(5):
        ip = ips[n] if ips else "203.0.113.7"
        response = attempt(client, admin_url, username, f"sai-mat-khau-{n}", ip=ip)
        assert response.status_code in (200, 429)


def test_five_wrong_passwords_lock_the_account_with_a_clear_message(client, editor, admin_url):
    for n in range(4):
        response = attempt(client, admin_url, editor.username, f"sai-{n}")
        assert response.status_code == 200  # the form again, with Django's error
    response = attempt(client, admin_url, editor.username, "sai-4")
    assert response.status_code == 429
    # Even the right password is refused during the cool-off.
    response = attempt(client, admin_url, editor.username, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert "Sau 5 lần nhập sai mật khẩu" in html
    assert "15 phút" in html
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_a_stranger_guessing_does_not_lock_the_owner_out(client, approver, admin_url):
    """The defect: five wrong passwords from anywhere locked the account everywhere."""
    fail_five_times(client, admin_url, approver.username, ips=["198.51.100.66"] * 5)
    assert (
        attempt(client, admin_url, approver.username, PASSWORD, "198.51.100.66").status_code == 429
    )
    response = attempt(client, admin_url, approver.username, PASSWORD, ip="192.0.2.55")
    assert response.status_code == 302  # the owner, at their own desk


def test_attempts_during_a_lock_never_extend_it(client, approver, admin_url):
    """The defect: each try during the lock restarted it, so one request every 15 minutes
    kept an approver locked out for good."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail_five_times(client, admin_url, approver.username)
    for minutes in (5, 10, 14):
        with time_machine.travel(start + dt.timedelta(minutes=minutes), tick=False):
            assert attempt(client, admin_url, approver.username, "sai").status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=15, seconds=30), tick=False):
        assert attempt(client, admin_url, approver.username, PASSWORD).status_code == 302


def guess_from_everywhere(client, admin_url, username, times=WIDE_LIMIT):
    for n in range(times):
        attempt(client, admin_url, username, f"sai-{n}", ip=f"198.51.{n // 4}.{n % 4 + 1}")


def test_guessing_from_many_addresses_holds_the_account_at_new_addresses_only(
    client, approver, admin_url
):
    assert attempt(client, admin_url, approver.username, PASSWORD, "192.0.2.10").status_code == 302
    client.logout()
    guess_from_everywhere(client, admin_url, approver.username)
    response = attempt(client, admin_url, approver.username, PASSWORD, ip="203.0.113.200")
    assert response.status_code == 429
    assert "từ nhiều nơi" in response.content.decode()
    # Where the owner has logged in before, they still can.
    assert attempt(client, admin_url, approver.username, PASSWORD, "192.0.2.10").status_code == 302


def test_the_hold_ends_a_cool_off_after_the_failure_that_set_it(client, approver, admin_url):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        guess_from_everywhere(client, admin_url, approver.username)
    with time_machine.travel(start + dt.timedelta(minutes=10), tick=False):
        guess_from_everywhere(client, admin_url, approver.username)  # refused, not counted
    with time_machine.travel(start + dt.timedelta(minutes=15, seconds=30), tick=False):
        response = attempt(client, admin_url, approver.username, PASSWORD, ip="203.0.113.200")
    assert response.status_code == 302


def test_an_address_that_guesses_many_accounts_is_locked(client, reporter, admin_url):
    for n in range(WIDE_LIMIT):
        attempt(client, admin_url, f"khong-ton-tai-{n}", "sai")
    response = attempt(client, admin_url, reporter.username, PASSWORD)
    assert response.status_code == 429
    # Colleagues elsewhere are not affected.
    response = attempt(client, admin_url, reporter.username, PASSWORD, ip="192.0.2.10")
    assert response.status_code == 302


def test_log_in_works_again_after_the_cool_off(client, editor, admin_url):
    fail_five_times(client, admin_url, editor.username)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16), tick=False):
        response = attempt(client, admin_url, editor.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_log_in_clears_earlier_failures(client, editor, admin_url):
    for n in range(4):
        attempt(client, admin_url, editor.username, f"sai-{n}")
    assert attempt(client, admin_url, editor.username, PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        attempt(client, admin_url, editor.username, f"sai-lai-{n}")
    assert attempt(client, admin_url, editor.username, PASSWORD).status_code == 302


def test_administrators_see_the_lock_outs_in_the_admin(client, editor, admin_url):
    fail_five_times(client, admin_url, editor.username)
    assert AccessAttempt.objects.filter(username=editor.username).exists()
    # A non-superuser administrator, by role alone.
    manager = User.objects.create_user(username="quantri2", password=PASSWORD, is_staff=True)
    manager.groups.add(group_of(Role.ADMINISTRATOR))
    other = client_for(manager)
    response = other.get(f"{admin_url}axes/accessattempt/", REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 200
    html = response.content.decode()
    assert editor.username in html
    assert "203.0.113.7" in html


def test_other_roles_do_not_see_them(client, editor, reporter, admin_url):
    fail_five_times(client, admin_url, editor.username)
    other = client_for(reporter)
    assert other.get(f"{admin_url}axes/accessattempt/", REMOTE_ADDR="192.0.2.1").status_code == 403


def test_an_administrator_clears_a_lock(client, editor, administrator, admin_url):
    fail_five_times(client, admin_url, editor.username)
    other = client_for(administrator)
    ids = list(AccessAttempt.objects.filter(username=editor.username).values_list("pk", flat=True))
    response = other.post(
        f"{admin_url}axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
        REMOTE_ADDR="192.0.2.1",
    )
    assert response.status_code == 302
    assert attempt(client, admin_url, editor.username, PASSWORD).status_code == 302


# The owner unlocks ------------------------------------------------------------------


def unlock_page_of(response) -> str:
    assert response.status_code == 429
    return re.search(r'href="([^"]*/mo-khoa/[^"]*)"', response.content.decode()).group(1)


def test_the_owner_unlocks_with_a_code_from_the_app(client, approver, admin_url):
    device = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    fail_five_times(client, admin_url, approver.username)
    page = unlock_page_of(attempt(client, admin_url, approver.username, PASSWORD))
    assert page == f"{admin_url}mo-khoa/?u=lanhdao"
    form = client.get(page)
    assert 'value="lanhdao"' in form.content.decode()
    done = client.post(page, {"action": "code", "username": "lanhdao", "code": app_code(device)})
    assert "Đã mở khóa đăng nhập" in done.content.decode()
    assert attempt(client, admin_url, approver.username, PASSWORD).status_code == 302


def test_the_owner_unlocks_with_a_recovery_code_which_is_used_up(client, approver, admin_url):
    device = StaticDevice.objects.create(user=approver, name="recovery", confirmed=True)
    StaticToken.objects.create(device=device, token="abcd2345")
    fail_five_times(client, admin_url, approver.username)
    unlock = f"{admin_url}mo-khoa/"
    client.post(unlock, {"action": "code", "username": "lanhdao", "code": "abcd-2345"})
    assert not StaticToken.objects.exists()
    assert attempt(client, admin_url, approver.username, PASSWORD).status_code == 302


def test_wrong_codes_on_the_unlock_page_neither_unlock_nor_slow_the_owner(
    client, approver, admin_url
):
    device = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    fail_five_times(client, admin_url, approver.username)
    for code in ("000000", "123456", "999999"):
        response = client.post(
            f"{admin_url}mo-khoa/", {"action": "code", "username": "lanhdao", "code": code}
        )
        assert "không mở khóa được" in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 0  # the owner's log-in codes are not delayed
    assert attempt(client, admin_url, approver.username, PASSWORD).status_code == 429


def test_codes_cannot_be_guessed_on_the_unlock_page(client, approver, admin_url):
    device = TOTPDevice.objects.create(user=approver, name="authenticator", confirmed=True)
    fail_five_times(client, admin_url, approver.username)
    for n in range(5):
        client.post(
            f"{admin_url}mo-khoa/", {"action": "code", "username": "lanhdao", "code": f"00000{n}"}
        )
    right = app_code(device)
    client.post(f"{admin_url}mo-khoa/", {"action": "code", "username": "lanhdao", "code": right})
    assert attempt(client, admin_url, approver.username, PASSWORD).status_code == 429


def test_the_owner_unlocks_with_a_link_sent_by_email(client, editor, admin_url):
    editor.email = "bientap@congan.example.vn"
    editor.save()
    fail_five_times(client, admin_url, editor.username)
    response = client.post(f"{admin_url}mo-khoa/", {"action": "mail", "username": "bientap"})
    assert "đã được gửi" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["bientap@congan.example.vn"]
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    assert client.get(link).status_code == 200  # a button: opening the link changes nothing
    assert attempt(client, admin_url, editor.username, PASSWORD).status_code == 429
    assert "Đã mở khóa đăng nhập" in client.post(link).content.decode()
    assert attempt(client, admin_url, editor.username, PASSWORD).status_code == 302


def test_the_unlock_page_says_the_same_whoever_is_named(client, editor, admin_url):
    answers = {
        re.sub(  # the page's CSRF tokens differ at each answer
            r'name="csrfmiddlewaretoken" value="[^"]+"',
            "",
            client.post(f"{admin_url}mo-khoa/", {"action": "mail", "username": name})
            .content.decode()
            .replace(name, "NAME"),
        )
        for name in ("khong-ton-tai", editor.username)  # the editor has no e-mail address
    }
    assert len(answers) == 1
    assert mail.outbox == []


def test_an_old_or_forged_unlock_link_does_nothing(client, editor, admin_url):
    editor.email = "bientap@congan.example.vn"
    editor.save()
    fail_five_times(client, admin_url, editor.username)
    client.post(f"{admin_url}mo-khoa/", {"action": "mail", "username": "bientap"})
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        assert "không dùng được" in client.post(link).content.decode()
    assert "không dùng được" in client.post(f"{admin_url}mo-khoa/gia-mao:1/").content.decode()


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.2"),  # no proxy trusted: the header is the client's own words
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the client tried to claim 6.6.6.6
        (2, "6.6.6.6, 1.2.3.4, 172.18.0.1", "1.2.3.4"),
        (2, "1.2.3.4", "10.0.0.2"),  # fewer hops than proxies: not through them
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_the_client_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    from newsroom.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_the_unlock_page_answers_when_mail_cannot_be_sent(client, editor, admin_url, monkeypatch):
    def no_mail_server(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    editor.email = "bientap@congan.example.vn"
    editor.save()
    monkeypatch.setattr(lockouts, "send_mail", no_mail_server)
    response = client.post(f"{admin_url}mo-khoa/", {"action": "mail", "username": "bientap"})
    assert response.status_code == 200
    assert "đã được gửi" in response.content.decode()  # the same answer as ever
