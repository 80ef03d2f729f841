from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import User

# django-otp's own device admins would show every secret key to whoever may view them.
# Staff manage their devices on their security page; administrators can only reset.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "get_full_name",
        "unit",
        "is_staff",
        "is_active",
        "has_two_factor",
        "last_login",
    ]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["username", "first_name", "last_name", "email", "unit"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Newsroom"), {"fields": ["unit"]}),
    ]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _has_two_factor=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(
        description=_("two-step verification"), boolean=True, ordering="-_has_two_factor"
    )
    def has_two_factor(self, user: User) -> bool:
        return user._has_two_factor

    @admin.action(description=_("Reset two-step verification (lost phone)"), permissions=["change"])
    def reset_two_factor(self, request, queryset) -> None:
        for user in queryset:
            two_factor.second_factor_reset(user=user)
        self.message_user(
            request,
            ngettext(
                "Two-step verification reset for %(count)d account: "
                "it is set up again at the next log-in.",
                "Two-step verification reset for %(count)d accounts: "
                "they are set up again at the next log-in.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            messages.SUCCESS,
        )
