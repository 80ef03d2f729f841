"""The portal's identity at the desk: one form, "Thông tin của Cổng", for administrators."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from public.models import PortalIdentity, PurgeBatch


@admin.register(PortalIdentity)
class PortalIdentityAdmin(admin.ModelAdmin):
    fieldsets = [
        (_("Masthead"), {"fields": ["masthead_kicker", "motto"]}),
        (
            _("Footer"),
            {
                "fields": [
                    "governing_agency",
                    "responsible_person",
                    "address",
                    "duty_phone",
                    "hotline",
                    "email",
                    "licence",
                    "reuse_notice",
                ]
            },
        ),
        (
            _("Entry points"),
            {
                "description": _(
                    "Each link is shown in the header or the footer once its address is set: "
                    "a full address (https://…) or a path of this site (/to-giac-toi-pham/)."
                ),
                "fields": [
                    "public_services_url",
                    "crime_report_url",
                    "questions_url",
                    "english_url",
                ],
            },
        ),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Asked for every page's menu: looked up once a request.
        if not hasattr(request, "_portal_identity_exists"):
            request._portal_identity_exists = PortalIdentity.objects.filter(
                pk=PortalIdentity.SINGLETON
            ).exists()
        return not request._portal_identity_exists and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        """One row: the list is its form."""
        if PortalIdentity.objects.filter(pk=PortalIdentity.SINGLETON).exists():
            view = "change" if self.has_view_or_change_permission(request) else None
            if view:
                return HttpResponseRedirect(
                    reverse("admin:public_portalidentity_change", args=[PortalIdentity.SINGLETON])
                )
        elif self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:public_portalidentity_add"))
        return super().changelist_view(request, extra_context)


@admin.register(PurgeBatch)
class PurgeBatchAdmin(admin.ModelAdmin):
    """What each change purged at the proxy or CDN: read-only, for administrators."""

    list_display = ["created_at", "reason", "purger", "status", "attempts", "sent_at"]
    list_filter = ["status", "purger"]
    search_fields = ["reason"]
    fields = [
        "created_at", "reason", "purger", "tag_list", "address_list", "status", "attempts",
        "next_attempt_at", "sent_at", "last_error",
    ]  # fmt: skip
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=_("tags"))
    def tag_list(self, batch: PurgeBatch) -> str:
        # Tags and addresses are machine text: shown as code, one by one.
        return format_html_join(" ", "<code>{}</code>", ((tag,) for tag in batch.tags)) or "-"

    @admin.display(description=_("addresses"))
    def address_list(self, batch: PurgeBatch) -> str:
        return format_html_join(" ", "<code>{}</code>", ((url,) for url in batch.urls)) or "-"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
