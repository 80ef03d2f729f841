"""Staff sessions that have not passed a required second factor do not reach staff pages."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts import two_factor


class SecondFactorMiddleware:
    """After the password, before anything else: the authenticator code.

    Under the admin path an unverified session is sent to the code page (or to
    enrolment when it has no authenticator yet); only those pages and log-out stay
    open to it. Anywhere else the session counts as anonymous, so a staff-only view
    written later cannot be reached with the password alone. Must come after
    django_otp.middleware.OTPMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_staff and not two_factor.is_satisfied(request):
            response = self.hold_back(request)
            if response is not None:
                return response
        return self.get_response(request)

    def hold_back(self, request: HttpRequest) -> HttpResponse | None:
        open_paths = {
            reverse("admin:two-factor-verify"),
            reverse("admin:two-factor-setup"),
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
        }
        if request.path_info in open_paths:
            return None
        if request.path_info.startswith("/" + settings.ADMIN_URL):
            target = (
                "admin:two-factor-verify"
                if two_factor.has_authenticator(request.user)
                else "admin:two-factor-setup"
            )
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        request.user = AnonymousUser()
        return None


class SessionRenewalMiddleware:
    """Sliding idle expiry for sessions without writing the session on every request.

    The session's expiry (SESSION_COOKIE_AGE, i.e. STAFF_SESSION_IDLE_HOURS) is renewed at
    most once every RENEW_SECONDS: idle time is still measured to within a few minutes,
    and a page view costs no database write.
    """

    RENEW_SECONDS = 300

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get("renewed_at", 0) >= self.RENEW_SECONDS:
                session["renewed_at"] = now  # marks the session modified: saved, cookie renewed
        return response
