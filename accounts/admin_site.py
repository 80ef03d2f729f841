"""The admin site: Django's, plus the second factor and the staff security pages."""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import path

from accounts import two_factor, views


class NewsroomAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        # Second line of defence behind accounts.middleware.SecondFactorMiddleware: even
        # if the middleware were left out, the admin refuses a password-only session.
        return super().has_permission(request) and two_factor.is_satisfied(request)

    def get_urls(self):
        return [
            path("xac-thuc/", views.two_factor_verify, name="two-factor-verify"),
            path("bao-mat/", views.security, name="security"),
            path("bao-mat/thiet-lap/", views.two_factor_setup, name="two-factor-setup"),
            path(
                "bao-mat/ma-du-phong/",
                views.recovery_codes_renew,
                name="two-factor-recovery-codes",
            ),
            path("mo-khoa/", views.unlock, name="unlock"),
            path("mo-khoa/<str:token>/", views.unlock_link, name="unlock-link"),
            *super().get_urls(),
        ]
