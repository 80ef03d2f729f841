"""The admin site: Django's, plus the second factor, the staff security pages, the desk's
front page (``dashboard``) and its menu."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.text import capfirst

from accounts import dashboard, two_factor, views


class NewsroomAdminSite(admin.AdminSite):
    # The desk's own menu (admin/base_site.html) replaces Django's side bar: the article
    # list needs the width of a 1280 px screen.
    enable_nav_sidebar = False

    def has_permission(self, request: HttpRequest) -> bool:
        # Second line of defence behind accounts.middleware.SecondFactorMiddleware: even
        # if the middleware were left out, the admin refuses a password-only session.
        return super().has_permission(request) and two_factor.is_satisfied(request)

    def register(self, model_or_iterable, admin_class=None, **options) -> None:
        # Every model's admin, ours and those of the packages (auth's groups, axes), lists
        # what a deletion takes with it without Django's link rows ("Article_tags object
        # (3)"): they are bookkeeping, named in English, and go with their article.
        admin_class = type(
            (admin_class or admin.ModelAdmin).__name__,
            (WithoutLinkRows, admin_class or admin.ModelAdmin),
            {"__module__": (admin_class or admin.ModelAdmin).__module__},
        )
        super().register(model_or_iterable, admin_class, **options)

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

    def index(self, request: HttpRequest, extra_context=None):
        """The desk's front page: what waits for the person who opened it."""
        context = {"panels": dashboard.panels_for(request), **(extra_context or {})}
        return super().index(request, context)

    def each_context(self, request: HttpRequest) -> dict:
        context = super().each_context(request)
        context["desk_menu"] = desk_menu(self, context.get("available_apps") or [])
        context["desk_home"] = reverse("admin:index", current_app=self.name)
        return context


def desk_menu(site: admin.AdminSite, available_apps: list[dict]) -> dict:
    """The desk's menu: first the lists whose model admin gives a ``desk_menu`` position
    (the articles 1, the photo library 2…), then every other list the person may open,
    by app."""
    first, others = [], []
    for app in available_apps:
        entries = []
        for entry in app["models"]:
            position = getattr(site._registry.get(entry["model"]), "desk_menu", None)
            if entry.get("admin_url") and position is not None:
                first.append((position, entry))
            elif entry.get("admin_url"):
                entries.append(entry)
        if entries:
            others.append({"name": app["name"], "models": entries})
    return {
        "first": [entry for _position, entry in sorted(first, key=lambda p: p[0])],
        "others": others,
    }


class WithoutLinkRows:
    """Mixed into every model admin by ``NewsroomAdminSite.register``."""

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [
            m._meta for m in apps.get_models(include_auto_created=True) if m._meta.auto_created
        ]
        prefixes = tuple(f"{capfirst(meta.verbose_name)}: " for meta in links)
        plurals = {str(capfirst(meta.verbose_name_plural)) for meta in links}
        plurals |= {str(meta.verbose_name_plural) for meta in links}
        counts = {name: n for name, n in model_count.items() if str(name) not in plurals}
        return _without(to_delete, prefixes), counts, perms_needed, protected


def _without(items: list, prefixes: tuple[str, ...]) -> list:
    """The nested list of what a deletion takes, the rows naming a link left out (with
    what they would take themselves)."""
    kept, skip_children = [], False
    for item in items:
        if isinstance(item, list):
            if not skip_children:
                kept.append(_without(item, prefixes))
            continue
        skip_children = str(item).startswith(prefixes)
        if not skip_children:
            kept.append(item)
    return kept
