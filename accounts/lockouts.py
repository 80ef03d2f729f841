"""Log-in lock-outs: who is refused, for how long, and how the owner gets back in.

Guessing passwords is throttled without handing anyone a way to lock a colleague out:

1. ``LOGIN_FAILURE_LIMIT`` wrong passwords for one account from one address lock that
   account *at that address* for ``LOGIN_COOLOFF_MINUTES`` (django-axes,
   ``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]``); from anywhere else its
   owner logs in as usual.
2. ``LOGIN_ACCOUNT_FAILURE_LIMIT`` failures for one account from all addresses together
   (guessing from many addresses) hold the account for the cool-off — except at the
   addresses it logged in from in the last ``KNOWN_ADDRESS_DAYS`` days, so its owner at
   their usual desk is not held.
3. ``LOGIN_ADDRESS_FAILURE_LIMIT`` failures from one address over any accounts lock that
   address (trying one password on every account).

No lock is ever extended: an attempt a lock refuses is not counted
(``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False``, and ``LockoutBackend`` below
for rules 2 and 3), so a lock ends ``LOGIN_COOLOFF_MINUTES`` after the failure that set it,
whatever is tried meanwhile. The owner lifts every lock on their account at once with a
code from their authenticator app (or a recovery code) or with a link sent to their
e-mail address (``unlock_with_code``, ``unlock_link_send``, ``unlock_with_link``);
administrators see the attempts in the admin (“Khóa đăng nhập”) and clear them by
deleting them.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import time
from smtplib import SMTPException

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User

logger = logging.getLogger(__name__)

KNOWN_ADDRESS_DAYS = 30
# Codes tried on the unlock page per account and cool-off: enough for typing mistakes,
# far too few to guess a 6-digit code.
UNLOCK_CODE_TRIES = 5
# At most one unlock e-mail per account in this many seconds.
UNLOCK_MAIL_SECONDS = 300
UNLOCK_LINK_SECONDS = 3600
_LINK_SALT = "accounts.lockouts.unlock"


def _recent() -> dt.datetime:
    return timezone.now() - settings.AXES_COOLOFF_TIME


def failures(**where) -> int:
    """Failed log-ins within the cool-off matching ``where`` (``username=…``,
    ``ip_address=…``), from django-axes' records."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=_recent(), **where)
    return recent.aggregate(n=Sum("failures_since_start"))["n"] or 0


def is_known_address(username: str, address: str | None) -> bool:
    since = timezone.now() - dt.timedelta(days=KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=address, attempt_time__gte=since
    ).exists()


def refusal(username: str | None, address: str | None) -> str:
    """Why rules 2 or 3 refuse a log-in now ("account", "address"), or "" (rule 1 is
    django-axes' own)."""
    if address and failures(ip_address=address) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
        return "address"
    if (
        username
        and failures(username=username) >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT
        and not is_known_address(username, address)
    ):
        return "account"
    return ""


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check (rule 1), then rules 2 and 3; first in AUTHENTICATION_BACKENDS.

    A refused attempt is marked as django-axes marks its own (``axes_locked_out``): it is
    not counted, and the middleware answers with the lock-out page."""

    def authenticate(self, request: HttpRequest, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        if request is None or not settings.AXES_ENABLED:
            return None
        reason = refusal(username, getattr(request, "axes_ip_address", None))
        if reason:
            request.axes_locked_out = True
            request.lockout_reason = reason
            raise AxesBackendPermissionDenied(f"log-in refused: {reason} held")
        return None


@transaction.atomic
def lockout_clear(*, username: str) -> int:
    """Forget the failed log-ins of ``username`` from every address: every lock on the
    account is lifted. Returns how many records went."""
    count, _deleted = AccessAttempt.objects.filter(username=username).delete()
    if count:
        logger.warning("log-in lock-outs of %s cleared", username)
    return count


def _staff(username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True, is_staff=True).first()


def _allowed(key: str, *, limit: int, seconds: int) -> bool:
    """At most ``limit`` times in ``seconds``; a cache that does not answer allows it (the
    owner's way back in matters more than the counter)."""
    try:
        cache.add(key, 0, timeout=seconds)
        return cache.incr(key) <= limit
    except Exception as exc:
        logger.warning("unlock not counted: %s", exc)
        return True


def _code_matches(user: User, code: str) -> bool:
    """An authenticator code or an unused recovery code of ``user`` (the recovery code is
    used up). Codes are checked here without touching django-otp's throttle, so that
    strangers typing wrong codes on this page cannot slow down the owner's log-in."""
    code = "".join(code.split()).replace("-", "").lower()
    if len(code) == 6 and code.isdigit():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            totp.time = time.time()
            if totp.verify(int(code), device.tolerance):
                return True
        return False
    for token in StaticToken.objects.filter(device__user=user, device__confirmed=True):
        if hmac.compare_digest(token.token.encode(), code.encode()):
            token.delete()
            return True
    return False


def unlock_with_code(*, username: str, code: str) -> bool:
    """Lift the locks on ``username``'s account when ``code`` is one of its codes."""
    tries = f"lockouts:unlock-tries:{username}"
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    if not _allowed(tries, limit=UNLOCK_CODE_TRIES, seconds=seconds):
        return False
    user = _staff(username)
    if user is None or not _code_matches(user, code):
        return False
    lockout_clear(username=username)
    return True


def unlock_link_send(*, username: str, request: HttpRequest) -> None:
    """E-mail ``username`` a link that lifts the locks on their account (when they have an
    address; the page says the same either way, so nobody learns who exists)."""
    user = _staff(username)
    if user is None or not user.email:
        return
    if not _allowed(f"lockouts:unlock-mail:{username}", limit=1, seconds=UNLOCK_MAIL_SECONDS):
        return
    token = signing.dumps(user.pk, salt=_LINK_SALT)
    link = request.build_absolute_uri(reverse("admin:unlock-link", args=[token]))
    minutes = UNLOCK_LINK_SECONDS // 60
    try:
        _send_link(user, username=username, link=link, minutes=minutes)
    except (OSError, SMTPException) as exc:  # the page still answers; the log says why
        logger.error("unlock link for %s not sent: %s", username, exc)


def _send_link(user: User, *, username: str, link: str, minutes: int) -> None:
    send_mail(
        _("Unlock your log-in at %(site)s") % {"site": settings.SITE_NAME},
        _(
            "Someone (you, we hope) asked to unlock the log-in of the account %(username)s "
            "at %(site)s. Open this link within %(minutes)s minutes to unlock it:\n\n"
            "%(link)s\n\n"
            "If you did not ask for this, someone may be guessing your password: tell an "
            "administrator."
        )
        % {"username": username, "site": settings.SITE_NAME, "minutes": minutes, "link": link},
        None,
        [user.email],
    )


def unlock_with_link(token: str) -> User | None:
    """The account a valid unlock link names, its locks lifted; None for a bad link."""
    try:
        pk = signing.loads(token, salt=_LINK_SALT, max_age=UNLOCK_LINK_SECONDS)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=pk, is_active=True, is_staff=True).first()
    if user is not None:
        lockout_clear(username=user.get_username())
    return user
