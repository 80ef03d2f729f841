"""Whether a document is in force (tình trạng hiệu lực), computed from its dates.

A document is *not yet in force* before its date of effect, *in force* from it, and *out
of force* from its expiry date on. Nothing in the dates says that only some articles were
repealed: "partly out of force" is set by an editor, with its reason, as an override (an
override may also state any other status, with a reason). The rule is written once as a
query (``validity_q``, ``validity_expression``) and mirrored on the instance
(``computed``); ``tests/documents/test_validity.py`` holds both to the same answers over
time with a pinned clock.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Validity(models.TextChoices):
    PENDING = "pending", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    PARTIAL = "partial", _("Partly out of force")
    EXPIRED = "expired", _("Out of force")


# The status in addresses: /van-ban/?tinh-trang=con-hieu-luc
SLUGS = {
    Validity.PENDING: "chua-co-hieu-luc",
    Validity.IN_FORCE: "con-hieu-luc",
    Validity.PARTIAL: "het-hieu-luc-mot-phan",
    Validity.EXPIRED: "het-hieu-luc",
}
BY_SLUG = {slug: status for status, slug in SLUGS.items()}
# schema.org's legislationLegalForce
LEGAL_FORCE = {
    Validity.PENDING: "https://schema.org/NotInForce",
    Validity.IN_FORCE: "https://schema.org/InForce",
    Validity.PARTIAL: "https://schema.org/PartiallyInForce",
    Validity.EXPIRED: "https://schema.org/NotInForce",
}


def computed(
    *,
    issued_on: dt.date,
    effective_from: dt.date | None,
    expires_on: dt.date | None,
    override: str = "",
    today: dt.date | None = None,
) -> Validity:
    """The status on ``today`` (Vietnam's date by default). Without a date of effect a
    document takes effect on its date of issue."""
    if override:
        return Validity(override)
    today = today or timezone.localdate()
    if expires_on is not None and expires_on <= today:
        return Validity.EXPIRED
    if (effective_from or issued_on) > today:
        return Validity.PENDING
    return Validity.IN_FORCE


def _dated(today: dt.date) -> dict[Validity, models.Q]:
    expired = models.Q(expires_on__isnull=False, expires_on__lte=today)
    pending = models.Q(effective_from__gt=today) | models.Q(
        effective_from__isnull=True, issued_on__gt=today
    )
    return {
        Validity.EXPIRED: expired,
        Validity.PENDING: pending & ~expired,
        Validity.IN_FORCE: ~pending & ~expired,
        Validity.PARTIAL: models.Q(pk__in=[]),
    }


def validity_q(status: str, today: dt.date | None = None) -> models.Q:
    """Documents whose status is ``status`` on ``today``."""
    today = today or timezone.localdate()
    return models.Q(validity_override=status) | (
        models.Q(validity_override="") & _dated(today)[Validity(status)]
    )


def validity_expression(today: dt.date | None = None) -> models.Case:
    """The status as a column: ``.annotate(validity=validity_expression())``."""
    today = today or timezone.localdate()
    dated = _dated(today)
    return models.Case(
        models.When(~models.Q(validity_override=""), then=models.F("validity_override")),
        models.When(dated[Validity.EXPIRED], then=models.Value(Validity.EXPIRED.value)),
        models.When(dated[Validity.PENDING], then=models.Value(Validity.PENDING.value)),
        default=models.Value(Validity.IN_FORCE.value),
        output_field=models.CharField(),
    )
