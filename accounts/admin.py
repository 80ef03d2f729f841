from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group, Permission
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import dashboard, two_factor
from accounts.models import User

# django-otp's own device admins would show every secret key to whoever may view them.
# Staff manage their devices on their security page; administrators can only reset.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


# Permissions are named when they are created, in English ("Can add article"); the desk
# names them from the model's name and the action, in Vietnamese.
_ACTIONS = {
    "add": _("add"),
    "change": _("change"),
    "delete": _("delete"),
    "view": _("view"),
}


def permission_label(permission: Permission) -> str:
    """ "Bài viết: thêm", "Bài viết: Có thể duyệt và xuất bản bài" (its own name)."""
    model = permission.content_type.model_class()
    subject = capfirst(model._meta.verbose_name_plural) if model else permission.content_type.name
    action, _sep, model_name = permission.codename.partition("_")
    if action in _ACTIONS and model and model_name == model._meta.model_name:
        return f"{subject}: {_ACTIONS[action]}"
    return f"{subject}: {gettext(permission.name)}"


def desk_permissions():
    """The permissions of the models the desk shows (not those of sessions, revisions…)."""
    labels = {model._meta.app_label for model in admin.site._registry}
    return Permission.objects.filter(content_type__app_label__in=labels).select_related(
        "content_type"
    )


class PermissionLabels:
    """Permission choices named in Vietnamese, only the desk's own."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in {"permissions", "user_permissions"}:
            kwargs["queryset"] = desk_permissions()
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.label_from_instance = permission_label
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class PasswordChangeForm(AdminPasswordChangeForm):
    # Django writes its warning in English after the translated help ("If disabled, the
    # current password for this user will be lost."): the same, translated.
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(PermissionLabels, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(PermissionLabels, DjangoUserAdmin):
    change_password_form = PasswordChangeForm
    list_display = [
        "username",
        "full_name",
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

    @admin.display(description=_("full name"), ordering="first_name")
    def full_name(self, user: User) -> str:
        return user.get_full_name()

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


if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AxesAccessAttemptAdmin):
    """django-axes' list of failed log-ins, its status column named."""

    @admin.display(description=_("status"))
    def status(self, obj: AccessAttempt) -> str:
        return super().status(obj)


@dashboard.register("administration", template="admin/dashboard/administration.html", order=90)
def administration(request: HttpRequest) -> dict | None:
    """Staff accounts and log-in lock-outs, for those who manage accounts."""
    if not request.user.has_perm("accounts.change_user"):
        return None
    staff = User.objects.aggregate(
        active=Count("pk", filter=Q(is_active=True, is_staff=True)),
        without_two_factor=Count(
            "pk",
            filter=Q(is_active=True, is_staff=True)
            & ~Q(pk__in=TOTPDevice.objects.filter(confirmed=True).values("user_id")),
        ),
    )
    locked = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    return {
        "staff": staff,
        "locked_out": locked.count(),
        "users_url": reverse("admin:accounts_user_changelist"),
        "lockouts_url": reverse("admin:axes_accessattempt_changelist"),
        "groups_url": reverse("admin:auth_group_changelist"),
    }
