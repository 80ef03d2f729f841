"""The media store as tests see it, on disk or in a bucket (``TEST_MEDIA_STORE=s3``)."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import default_storage

S3_MODE = os.environ.get("TEST_MEDIA_STORE", "") == "s3"


def stored_names() -> list[str]:
    """Every file in the public media store, by storage name, sorted."""
    if "S3Storage" in settings.STORAGES["default"]["BACKEND"]:
        return sorted(obj.key for obj in default_storage.bucket.objects.all())
    root = settings.MEDIA_ROOT
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def read(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def name_of(url: str) -> str:
    """The storage name behind a media address (absolute or not)."""
    assert settings.MEDIA_URL in url, url
    return url.split(settings.MEDIA_URL, 1)[1]
