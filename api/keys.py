"""Finding a partner key from the ``X-Api-Key`` header, without the database most times.

A key is looked up by its SHA-256 and kept in the cache for ``KEY_CACHE_SECONDS``; saving
a key (revoking it) forgets that entry at once, so a revoked key stops working at the
next request.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from api.models import PartnerKey
from public.pagecache import cache_call

KEY_CACHE_SECONDS = 300
_UNKNOWN = "-"


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _cache_key(digest: str) -> str:
    return f"api:key:{digest}"


def find_key(raw: str) -> tuple[int, str] | None:
    """(id, quota) of the active key ``raw``, or None for an unknown or revoked one."""
    digest = hash_key(raw)
    found = cache_call(cache.get, _cache_key(digest))
    if found is None:
        row = (
            PartnerKey.objects.filter(key_hash=digest, revoked_at__isnull=True)
            .values_list("pk", "quota")
            .first()
        )
        found = tuple(row) if row else _UNKNOWN
        cache_call(cache.set, _cache_key(digest), found, KEY_CACHE_SECONDS)
    return None if found == _UNKNOWN else found


def forget(sender, instance: PartnerKey, **kwargs) -> None:
    cache_call(cache.delete, _cache_key(instance.key_hash))


def connect() -> None:
    post_save.connect(forget, sender=PartnerKey, dispatch_uid="api-key-saved")
    post_delete.connect(forget, sender=PartnerKey, dispatch_uid="api-key-deleted")
