from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A member of staff. Readers never have accounts."""

    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("The unit the person works in, e.g. “Công an xã Phú Lương”."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


def staff_reference(verbose_name) -> models.ForeignKey:
    """Who did something: kept as history, so deleting the account only blanks it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class GroupRole(models.Model):
    """Which newsroom role a group stands for (``accounts/roles.py`` declares the roles)."""

    code = models.CharField(_("role"), max_length=40, unique=True)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="role"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.group.name
