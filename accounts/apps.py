from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from accounts.roles import sync_roles


class AccountsConfig(AppConfig):
    default = True  # this module also holds the admin's config below
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        # After every migrate (and a test database's flush) the role groups are in step.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="accounts.sync_roles")


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with a site that refuses sessions lacking a required 2FA."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"


class LockoutsConfig(axes_apps.AppConfig):
    """django-axes under a name administrators understand (its models' names are
    translated in accounts/vendor_strings.py)."""

    default = False
    verbose_name = _("Log-in lock-outs")

    def ready(self) -> None:
        super().ready()
        # Imported here: models cannot be imported before the app registry is ready.
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        from accounts.lockout_names import name_in_vietnamese

        name_in_vietnamese(AccessAttempt, AccessLog, AccessFailureLog)
