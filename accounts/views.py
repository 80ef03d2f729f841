"""Staff security pages: the code after the password, enrolment, recovery codes, lock-out
and unlocking (``accounts/lockouts.py``)."""

from __future__ import annotations

import math
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts import lockouts, two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


def staff_only(view):
    """Logged-in, active staff only (the second factor may still be pending)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _render(request: HttpRequest, template: str, title: str, **context) -> HttpResponse:
    context = {
        **admin.site.each_context(request),
        "title": title,
        "next": _next_url(request),
        **context,
    }
    return render(request, template, context)


def _wait_message(attempt: two_factor.Attempt) -> str:
    seconds = two_factor.seconds_until(attempt.retry_at)
    if seconds:
        return _("Too many wrong codes. Wait %(seconds)s seconds, then try again.") % {
            "seconds": seconds
        }
    return _("That code is not right. Check the time on your phone and try again.")


@sensitive_post_parameters("code")
@staff_only
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the app, or a recovery code."""
    if two_factor.is_satisfied(request):
        return redirect(_next_url(request))
    if not two_factor.has_authenticator(request.user):
        return redirect(f"{reverse('admin:two-factor-setup')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt = two_factor.second_factor_verify(request=request, code=form.cleaned_data["code"])
        if attempt.ok:
            return redirect(_next_url(request))
        form.add_error("code", _wait_message(attempt))
    return _render(
        request,
        "accounts/two_factor_verify.html",
        _("Two-step verification"),
        form=form,
    )


@sensitive_post_parameters("code")
@staff_only
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the QR code, type the first code, keep the
    recovery codes. Replacing an authenticator needs a verified session: the password
    alone must never be enough to attach a new phone."""
    user = request.user
    if two_factor.has_authenticator(user) and not user.is_verified():
        return redirect(f"{reverse('admin:two-factor-verify')}?{request.GET.urlencode()}")
    device = two_factor.authenticator_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt = two_factor.authenticator_confirm(
            request=request, device=device, code=form.cleaned_data["code"]
        )
        if attempt.ok:
            codes = two_factor.recovery_codes_issue(user=user)
            return _render(
                request,
                "accounts/recovery_codes.html",
                _("Your recovery codes"),
                codes=codes,
                just_enrolled=True,
            )
        form.add_error("code", _wait_message(attempt))
    return _render(
        request,
        "accounts/two_factor_setup.html",
        _("Set up two-step verification"),
        form=form,
        qr_svg=two_factor.qr_code_svg(device),
        secret=two_factor.secret_for_typing(device),
        required=two_factor.is_required_for(user),
    )


@staff_only
def security(request: HttpRequest) -> HttpResponse:
    """Where a staff member sees and manages their own second factor."""
    user = request.user
    return _render(
        request,
        "accounts/security.html",
        _("Account security"),
        enrolled=two_factor.has_authenticator(user),
        required=two_factor.is_required_for(user),
        codes_left=two_factor.recovery_codes_left(user),
        idle_hours=settings.STAFF_SESSION_IDLE_HOURS,
    )


@require_POST
@staff_only
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (two_factor.has_authenticator(user) and user.is_verified()):
        messages.error(request, _("Set up two-step verification first."))
        return redirect("admin:security")
    codes = two_factor.recovery_codes_issue(user=user)
    return _render(
        request,
        "accounts/recovery_codes.html",
        _("Your recovery codes"),
        codes=codes,
        just_enrolled=False,
    )


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer once a log-in is refused by a lock (HTTP 429): which lock, for
    how long, and the way for the account's owner to lift it now."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    reason = getattr(request, "lockout_reason", "") or "account_here"
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    unlock_url = reverse("admin:unlock") + (f"?{urlencode({'u': username})}" if username else "")
    html = render_to_string(
        "accounts/locked_out.html",
        {
            "site_name": settings.SITE_NAME,
            "title": _("Log-in temporarily locked"),
            "reason": reason,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": minutes,
            "unlock_url": unlock_url,
        },
    )
    response = HttpResponse(html, status=429, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = str(minutes * 60)
    return response


class UnlockCodeForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    code = forms.CharField(
        label=gettext_lazy("Code from the app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class UnlockMailForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)


@sensitive_post_parameters("code")
@never_cache
def unlock(request: HttpRequest) -> HttpResponse:
    """The account's owner lifts the locks on it: with a code (authenticator app or
    recovery code), or by a link sent to their e-mail address."""
    initial = {"username": request.GET.get("u", "")[:150]}
    action = request.POST.get("action")
    # Two forms on one page: their own ids (the names stay, "action" tells them apart).
    code_form = UnlockCodeForm(
        request.POST if action == "code" else None, initial=initial, auto_id="code_%s"
    )
    mail_form = UnlockMailForm(
        request.POST if action == "mail" else None, initial=initial, auto_id="mail_%s"
    )
    mail_sent = False
    if action == "code" and code_form.is_valid():
        data = code_form.cleaned_data
        if lockouts.unlock_with_code(username=data["username"], code=data["code"]):
            return _render(request, "accounts/unlocked.html", _("Log-in unlocked"), ok=True)
        code_form.add_error(
            "code",
            _(
                "That code did not unlock the account: check it (a new code shows every 30 "
                "seconds), or ask for a link by e-mail."
            ),
        )
    if action == "mail" and mail_form.is_valid():
        lockouts.unlock_link_send(username=mail_form.cleaned_data["username"], request=request)
        mail_sent = True
    return _render(
        request,
        "accounts/unlock.html",
        _("Unlock your log-in"),
        code_form=code_form,
        mail_form=mail_form,
        mail_sent=mail_sent,
        link_minutes=lockouts.UNLOCK_LINK_SECONDS // 60,
    )


@never_cache
def unlock_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the unlock e-mail: a button (a mail scanner opening the link changes
    nothing), which lifts the locks."""
    if request.method == "POST":
        user = lockouts.unlock_with_link(token)
        return _render(request, "accounts/unlocked.html", _("Log-in unlocked"), ok=bool(user))
    return _render(request, "accounts/unlock_link.html", _("Unlock your log-in"))
