"""Making and revoking partner keys (the admin calls these)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from api.keys import hash_key
from api.models import PartnerKey


@transaction.atomic
def partner_key_create(
    *, name: str, quota: str = "600/m", contact: str = "", by: User | None
) -> tuple[PartnerKey, str]:
    """A new key for ``name``: the record and the key itself, which is never stored."""
    raw = "nr_" + secrets.token_urlsafe(32)
    key = PartnerKey(
        name=name, quota=quota, contact=contact, prefix=raw[:10], key_hash=hash_key(raw),
        created_by=by,
    )  # fmt: skip
    key.full_clean()
    key.save()
    return key, raw


@transaction.atomic
def partner_key_revoke(*, key: PartnerKey, by: User | None) -> PartnerKey:
    """The key stops working at the next request (its cached entry is forgotten on save)."""
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key
