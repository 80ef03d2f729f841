"""Passwords are hashed with Argon2 and long; staff sessions end when idle or re-keyed."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from accounts.models import User
from tests.test_settings import settings_in_subprocess


def test_passwords_are_stored_as_argon2id(editor):
    assert editor.password.startswith("argon2$argon2id$")
    assert editor.check_password("mat-khau-rat-dai-123")


def test_an_old_pbkdf2_hash_is_upgraded_at_the_next_log_in(db, client, admin_url):
    from django.contrib.auth.hashers import make_password

    user = User.objects.create(
        username="cu",
        is_staff=True,
        password=make_password("mat-khau-rat-dai-123", hasher="pbkdf2_sha256"),
    )
    client.post(f"{admin_url}login/", {"username": "cu", "password": "mat-khau-rat-dai-123"})
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.mark.parametrize(
    "password",
    ["ngan-qua-11", "123456789012345", "password1234", "quantri-2026"],
)
def test_weak_staff_passwords_are_refused(db, password):
    user = User(username="quantri", first_name="Quản trị")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_twelve_character_passphrase_is_accepted(db):
    validate_password("song lam 2026", User(username="phongvien"))


def test_a_staff_session_ends_after_eight_idle_hours(client, editor, admin_url, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(editor)
        assert client.get(admin_url).status_code == 200
    # Working keeps the session alive: every request moves the expiry on.
    with time_machine.travel(start + dt.timedelta(hours=7), tick=False):
        assert client.get(admin_url).status_code == 200
    with time_machine.travel(start + dt.timedelta(hours=14), tick=False):
        assert client.get(admin_url).status_code == 200
    with time_machine.travel(start + dt.timedelta(hours=22, minutes=1), tick=False):
        response = client.get(admin_url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{admin_url}login/")


def test_changing_the_password_ends_the_other_sessions(editor, admin_url):
    laptop, phone = Client(), Client()
    laptop.force_login(editor)
    phone.force_login(editor)
    response = laptop.post(
        f"{admin_url}password_change/",
        {
            "old_password": "mat-khau-rat-dai-123",
            "new_password1": "mot-mat-khau-moi-dai-hon",
            "new_password2": "mot-mat-khau-moi-dai-hon",
        },
    )
    assert response.status_code == 302
    assert laptop.get(admin_url).status_code == 200  # the one that changed it stays in
    assert phone.get(admin_url).status_code == 302


def test_idle_time_is_a_setting():
    result = settings_in_subprocess(
        "print(settings.SESSION_COOKIE_AGE, settings.SESSION_SAVE_EVERY_REQUEST)",
        SECRET_KEY="x" * 50,
        STAFF_SESSION_IDLE_HOURS="2",
    )
    assert result.returncode == 0, result.stderr
    # Renewed by SessionRenewalMiddleware, not by a write on every request.
    assert result.stdout.split() == ["7200", "False"]


def test_production_cookies_are_secure_http_only_and_same_site():
    result = settings_in_subprocess(
        "print(settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,"
        " settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SAMESITE)",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "Lax", "True", "Lax"]


def test_the_session_cookie_a_browser_gets_is_locked_down(client, editor, admin_url, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post(
        f"{admin_url}login/",
        {"username": editor.username, "password": "mat-khau-rat-dai-123"},
        secure=True,
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 8 * 3600


def test_an_active_session_is_renewed_without_a_write_on_every_page(client, editor, admin_url):
    import datetime as dt

    import time_machine
    from django.contrib.sessions.models import Session

    client.force_login(editor)
    client.get(admin_url)
    key = client.session.session_key
    first = Session.objects.get(session_key=key).expire_date
    client.get(admin_url)
    assert Session.objects.get(session_key=key).expire_date == first  # no write
    with time_machine.travel(dt.timedelta(minutes=6)):
        client.get(admin_url)
    assert Session.objects.get(session_key=key).expire_date > first  # renewed
