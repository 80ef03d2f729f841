"""Two-factor authentication for staff: who must use it, enrolment, verification.

A staff member's second factor is an authenticator app (a django-otp TOTP device) plus
one-time recovery codes (a django-otp static device) for the day the phone is lost.
Policy (settings.TWO_FACTOR_REQUIRED):

- ``privileged``: approvers ("Lãnh đạo duyệt"), administrators ("Quản trị") and
  superusers must enrol and verify;
- ``all``: every staff member must;
- ``none``: nobody must (only allowed with DEBUG, for the demo).

Whoever has enrolled is asked for a code at every log-in whatever the policy says:
a second factor that can be skipped protects nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from base64 import b32encode
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.roles import Role

PRIVILEGED_ROLES = {Role.APPROVER, Role.ADMINISTRATOR}
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery"
_NOT_CODE_CHARACTERS = re.compile(r"[\s-]+")


def is_required_for(user: User) -> bool:
    """Whether the policy obliges ``user`` to use a second factor."""
    if not (user.is_authenticated and user.is_staff):
        return False
    mode = settings.TWO_FACTOR_REQUIRED
    if mode == "all":
        return True
    if mode == "none":
        return False
    return user.is_superuser or user.groups.filter(role__code__in=PRIVILEGED_ROLES).exists()


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user: User) -> bool:
    """Whether ``user`` has to pass the second factor before working."""
    if not (user.is_authenticated and user.is_staff):
        return False
    return is_required_for(user) or has_authenticator(user)


def is_satisfied(request: HttpRequest) -> bool:
    """Whether the session of ``request`` may use staff pages as far as 2FA goes.

    Whether the user must verify is remembered on the request (two queries; the admin
    asks several times per page); whether the session has verified is not.
    """
    user = request.user
    cached = getattr(request, "_two_factor_required", None)
    if cached is None or cached[0] != user.pk:
        cached = (user.pk, _must_verify_remembered(request))
        request._two_factor_required = cached
    return not cached[1] or bool(getattr(user, "is_verified", lambda: False)())


# How long a session remembers whether its user must verify (role changes apply after it).
POLICY_RECHECK_SECONDS = 300


def _must_verify_remembered(request: HttpRequest) -> bool:
    """``must_verify`` for the session's user, asked again every few minutes, not per page."""
    user, session = request.user, getattr(request, "session", None)
    now, mode = int(time.time()), settings.TWO_FACTOR_REQUIRED
    if session is not None:
        remembered = session.get("two_factor_policy")
        if (
            remembered
            and remembered[:2] == [user.pk, mode]
            and now - remembered[3] < POLICY_RECHECK_SECONDS
        ):
            return remembered[2]
    required = must_verify(user)
    if session is not None:
        session["two_factor_policy"] = [user.pk, mode, required, now]
    return required


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (rendered here, offline)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    return image.to_string(encoding="unicode")


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for apps where the QR code cannot be scanned."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def authenticator_start(*, user: User) -> TOTPDevice:
    """The pending (unconfirmed) authenticator of ``user``, created when there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@dataclass
class Attempt:
    ok: bool
    retry_at: dt.datetime | None = None


def _normalise(code: str) -> str:
    return _NOT_CODE_CHARACTERS.sub("", code or "").lower()


@transaction.atomic
def authenticator_confirm(*, request: HttpRequest, device: TOTPDevice, code: str) -> Attempt:
    """Confirm a pending authenticator with its first code.

    On success the device replaces any earlier authenticator, the session counts as
    verified and the caller should hand out recovery codes (``recovery_codes_issue``).
    """
    user = request.user
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
    attempt = _check(device, _normalise(code))
    if attempt.ok:
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
    return attempt


@transaction.atomic
def recovery_codes_issue(*, user: User) -> list[str]:
    """Replace ``user``'s recovery codes with fresh ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


@transaction.atomic
def second_factor_verify(*, request: HttpRequest, code: str) -> Attempt:
    """Check a code from the authenticator app or a recovery code for ``request.user``.

    Each device throttles itself (django-otp doubles the wait after every wrong code),
    so guessing six digits is out of reach. A recovery code is used up.
    """
    user = request.user
    code = _normalise(code)
    if len(code) == 6 and code.isdigit():
        devices = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
    else:
        devices = list(StaticDevice.objects.select_for_update().filter(user=user, confirmed=True))
    retry_at = None
    for device in devices:
        attempt = _check(device, code)
        if attempt.ok:
            otp_login(request, device)
            return attempt
        retry_at = attempt.retry_at or retry_at
    return Attempt(ok=False, retry_at=retry_at)


def _check(device, code: str) -> Attempt:
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return Attempt(ok=False, retry_at=(details or {}).get("locked_until"))
    # A wrong code says so; the wait it causes is reported at the next attempt.
    return Attempt(ok=bool(code) and device.verify_token(code))


@transaction.atomic
def second_factor_reset(*, user: User) -> None:
    """Remove every device of ``user`` (lost phone): they enrol again at the next log-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def seconds_until(moment: dt.datetime | None) -> int:
    if moment is None:
        return 0
    return max(1, int((moment - timezone.now()).total_seconds()) + 1)
