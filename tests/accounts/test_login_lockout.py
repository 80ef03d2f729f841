"""Guessing passwords: five wrong ones lock the account and the address for a while."""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, group_of

PASSWORD = "mat-khau-rat-dai-123"


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


def test_the_account_is_locked_from_every_address(client, editor, admin_url):
    fail_five_times(client, admin_url, editor.username, ips=[f"198.51.100.{n}" for n in range(5)])
    response = attempt(client, admin_url, editor.username, PASSWORD, ip="192.0.2.55")
    assert response.status_code == 429


def test_an_address_that_guesses_many_accounts_is_locked(client, editor, reporter, admin_url):
    for n in range(5):
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
