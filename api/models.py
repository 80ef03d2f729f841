"""Partner keys: an agency or publisher that needs more than the anonymous quota."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference

RATE_PATTERN = re.compile(r"\d+/[smh]")


def validate_rate(value: str) -> None:
    if not RATE_PATTERN.fullmatch(value or ""):
        raise ValidationError(_("Write the quota as requests/period, e.g. 600/m."))


class PartnerKey(models.Model):
    """A key a partner sends in the ``X-Api-Key`` header. Only its SHA-256 is stored: the
    key itself is shown once, when it is made, and cannot be read back."""

    name = models.CharField(
        _("partner"), max_length=200, help_text=_("Who uses the key: “Cổng dữ liệu tỉnh”.")
    )
    prefix = models.CharField(
        _("key starts with"),
        max_length=12,
        editable=False,
        help_text=_("The first characters of the key, to recognise it; not a secret."),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    quota = models.CharField(
        _("quota"),
        max_length=20,
        default="600/m",
        validators=[validate_rate],
        help_text=_("Requests per period for this key: “600/m”, “20/s”, “10000/h”."),
    )
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Who to call about this key.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = staff_reference(_("created by"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_active(self) -> bool:
        return self.revoked_at is None

    is_active.boolean = True  # type: ignore[attr-defined]
    is_active.short_description = _("active")  # type: ignore[attr-defined]
