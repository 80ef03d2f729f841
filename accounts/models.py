from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A member of staff. Readers never have accounts."""

    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("The unit the person works in, e.g. “Công an huyện Phú Lương”."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
