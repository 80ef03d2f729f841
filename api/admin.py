"""Partner keys at the desk: made (the key shown once), given a quota, revoked."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from api.models import PartnerKey
from api.services import partner_key_create, partner_key_revoke


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "quota", "is_active", "created_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "contact"]
    fields = ["name", "quota", "contact", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "revoked_at"]
    actions = ["revoke"]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # revoked, never deleted: who had access stays on record

    def save_model(self, request: HttpRequest, obj: PartnerKey, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        key, raw = partner_key_create(
            name=obj.name, quota=obj.quota, contact=obj.contact, by=request.user
        )
        obj.pk = key.pk
        messages.warning(
            request,
            _("The key, shown this once only (copy it now; it cannot be read back): %(key)s")
            % {"key": raw},
        )

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[PartnerKey]) -> None:
        for key in queryset:
            partner_key_revoke(key=key, by=request.user)
        messages.success(request, _("Revoked: they stop working at the next request."))
