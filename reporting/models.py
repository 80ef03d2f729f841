"""How to report a crime (“Tố giác tội phạm”): the ways to reach the police, as data that
administrators edit in the admin (no code, no deployment).

Contact data is reference data, not an article: a wrong phone number must be put right at
once, so a channel has no approval workflow; every change is kept as a revision (who,
when, what) and administrators alone may make it. The commune police stations come from
the organisation's data (``public.views.reporting.commune_stations``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelQuerySet(models.QuerySet):
    def shown(self) -> ChannelQuerySet:
        return self.filter(shown=True)


class Channel(models.Model):
    """One way to report a crime: the 24/7 duty desk, 113, an online channel, another contact."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency number")
        DUTY_DESK = "duty_desk", _("Duty desk (24/7)")
        ONLINE = "online", _("Online")
        OTHER = "other", _("Other contact")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("“Trực ban Công an tỉnh (24/7)”, “Cổng dịch vụ công”."),
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("When to use it, hours, what to have ready.")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order on the page: smaller comes first.")
    )
    shown = models.BooleanField(_("shown"), default=True)
    featured = models.BooleanField(
        _("in the box beside every article"),
        default=False,
        help_text=_("The two or three contacts readers must see first (113, the duty desk)."),
    )

    objects = ChannelQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reporting channel")
        verbose_name_plural = _("reporting channels")

    def __str__(self) -> str:
        return self.name

    @property
    def phone_href(self) -> str:
        """``tel:`` address of the phone number (digits and a leading +)."""
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""
