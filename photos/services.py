"""The photo library's services: every photo goes in, is changed and leaves through here.

Files are written through ``_Writer`` so that a failure takes back every file it wrote;
old files are removed only once the database change is committed.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePath
from typing import IO

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils.translation import gettext as _
from PIL import Image as PILImage

from photos.models import Image, content_name
from photos.pipeline import (
    EXTENSIONS,
    Prepared,
    build_renditions,
    check_size,
    encode_stored,
    prepare,
    render_social,
    social_name,
    to_srgb,
)
from photos.renditions import folder_of
from photos.usage import Usage, usage_of

logger = logging.getLogger(__name__)

# Sent when a photo's file is replaced, inside the same transaction: what shows the photo
# by its address (an article body) follows it.
image_replaced = Signal()


class ImageInUse(ValidationError):
    """Refusal to delete a photo that articles or campaigns show."""

    def __init__(self, usage: Usage) -> None:
        self.usage = usage
        super().__init__(
            _("This photo is in use and cannot be deleted: %(where)s.")
            % {"where": "; ".join(f"“{owner}”" for owner in usage.owners)},
            code="in_use",
        )


# Storage ----------------------------------------------------------------------


class StoreUnavailable(ValidationError):
    """The media store (a disk, an S3 bucket) refused or did not answer a write."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The photo store is not answering, so the photo was not saved and nothing "
                "was changed. Try again in a few minutes; if it keeps happening, tell the "
                "site's administrator."
            ),
            code="store_unavailable",
        )


# What a store that is down, full or refusing raises: a disk, or an S3 bucket.
STORE_ERRORS = (OSError, BotoCoreError, ClientError)


def private_storage() -> Storage | None:
    """Where untouched uploads are kept: the bucket's private ``originals`` storage when
    the site is so set, else the folder IMAGE_PRIVATE_ORIGINALS_ROOT, else nowhere."""
    if "originals" in settings.STORAGES:
        return storages["originals"]
    root = settings.IMAGE_PRIVATE_ORIGINALS_ROOT
    if not root:
        return None
    root, media = Path(root).resolve(), Path(settings.MEDIA_ROOT).resolve()
    if root == media or root.is_relative_to(media) or media.is_relative_to(root):
        raise ImproperlyConfigured(
            "IMAGE_PRIVATE_ORIGINALS_ROOT must be outside MEDIA_ROOT: the originals carry GPS."
        )
    return FileSystemStorage(location=root, file_permissions_mode=0o600)


class _Writer:
    """Writes files and remembers them, so a failure can take every one back."""

    def __init__(self) -> None:
        self.written: list[tuple[Storage, str]] = []

    def save(self, storage: Storage, name: str, data: bytes) -> str:
        try:
            saved = storage.save(name, ContentFile(data))
        except STORE_ERRORS as exc:
            logger.warning("media store: writing %s failed: %r", name, exc)
            raise StoreUnavailable() from exc
        self.written.append((storage, saved))
        return saved

    def rollback(self) -> None:
        for storage, name in self.written:
            try:
                storage.delete(name)
            except STORE_ERRORS as exc:  # the store is down: say what is left behind
                logger.warning("media store: could not take back %s: %r", name, exc)


def _delete_files(name: str, renditions: dict, private_name: str = "") -> None:
    folder = folder_of(name)
    for w, _h in renditions.get("sizes", []):
        for ext in ("webp", "jpg"):
            default_storage.delete(f"{folder}/{w}.{ext}")
    if renditions.get("social"):
        default_storage.delete(f"{folder}/{renditions['social']}")
    default_storage.delete(name)
    storage = private_storage()
    if private_name and storage is not None:
        storage.delete(private_name)


def discard_files(name: str) -> None:
    """Remove a stored photo and everything made from it (after a rolled-back import)."""
    folder = folder_of(name)
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        files = []
    for relative in files:
        default_storage.delete(f"{folder}/{relative}")
    default_storage.delete(name)
    private = private_storage()
    if private is not None:
        parent, stem = str(PurePath(folder).parent), PurePath(folder).name
        try:
            _dirs, kept = private.listdir(parent)
        except FileNotFoundError:
            kept = []
        for relative in kept:
            if PurePath(relative).stem == stem:
                private.delete(f"{parent}/{relative}")


def _store(
    image: Image, prepared: Prepared, data: bytes, original_name: str, writer: _Writer
) -> None:
    """Write the cleaned copy, its renditions and (if set) the private original."""
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        stored_job = pool.submit(encode_stored, prepared)
        files, description = build_renditions(prepared, image.focal_point, pool)
        stored = stored_job.result()
    extension = EXTENSIONS[prepared.stored_format]
    # Named after what it holds (the file and every rendition): an address never gets other
    # bytes, so a CDN may keep it for ever. A name already taken gets a suffix (storage).
    digest = hashlib.sha256(stored)
    for relative in sorted(files):
        digest.update(relative.encode() + b"\0" + files[relative])
    name = writer.save(default_storage, content_name(digest.hexdigest(), extension), stored)
    folder = folder_of(name)
    for relative, content in files.items():
        writer.save(default_storage, f"{folder}/{relative}", content)
    private = private_storage()
    image.private_original = ""
    if private is not None:
        suffix = PurePath(original_name).suffix.lower()[:6] or ".bin"
        if not re.fullmatch(r"\.[a-z0-9]+", suffix):
            suffix = ".bin"
        image.private_original = writer.save(private, f"{folder_of(name)}{suffix}", data)
    image.file.name = name
    image.file_checksum = hashlib.sha256(stored).hexdigest()
    image.width, image.height = prepared.picture.size
    image.renditions = description
    image.original_format = prepared.source_format
    image.original_size = len(data)
    image.taken_at = prepared.taken_at


def read_upload(file: IO[bytes]) -> bytes:
    size = getattr(file, "size", None)
    if size is not None:
        check_size(size)  # refuse before reading 2 GB into memory
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(settings.IMAGE_MAX_BYTES + 1)
    check_size(len(data))
    return data


def clean_filename(name: str) -> str:
    """The original name, kept as data only: no folders, no control characters."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable())
    return base.strip()[:255]


# Services ---------------------------------------------------------------------


def image_upload(
    *,
    file: IO[bytes],
    uploaded_by,
    original_name: str | None = None,
    caption: str = "",
    alt_text: str = "",
    credit: str = "",
    place: str = "",
    focal_point: tuple[float, float] | None = None,
) -> Image:
    """Verify ``file`` and put it in the library; the one door for every upload.

    Used by the bulk upload, the single upload form and the rich-text editor. An
    identical file already in the library is returned instead of stored twice.
    Raises ValidationError (Vietnamese message) and leaves nothing behind on refusal.
    """
    image, _created = _upload(
        file,
        original_name=original_name if original_name is not None else getattr(file, "name", ""),
        uploaded_by=uploaded_by,
        caption=caption,
        alt_text=alt_text,
        credit=credit,
        place=place,
        focal_point=focal_point,
    )
    return image


def add_image(
    fileobj: IO[bytes],
    *,
    original_name: str,
    caption: str = "",
    alt_text: str = "",
    credit: str = "",
    place: str = "",
    uploaded_by=None,
) -> tuple[Image, bool]:
    """Like ``image_upload`` but also says whether the file was new: ``(image, created)``."""
    return _upload(
        fileobj,
        original_name=original_name,
        uploaded_by=uploaded_by,
        caption=caption,
        alt_text=alt_text,
        credit=credit,
        place=place,
    )


def _upload(
    file: IO[bytes], *, original_name: str, uploaded_by, focal_point=None, **metadata: str
) -> tuple[Image, bool]:
    data = read_upload(file)
    checksum = hashlib.sha256(data).hexdigest()
    # The same upload, or a copy of a stored file (an export imported back).
    existing = Image.objects.filter(Q(checksum=checksum) | Q(file_checksum=checksum)).first()
    if existing is not None:
        return existing, False
    prepared = prepare(data)
    image = Image(
        caption=metadata.get("caption", "")[:500],
        alt_text=metadata.get("alt_text", "")[:300],
        credit=metadata.get("credit", "")[:200],
        place=metadata.get("place", "")[:200],
        original_filename=clean_filename(original_name),
        checksum=checksum,
        uploaded_by=uploaded_by,
    )
    if focal_point is not None:
        image.focal_x, image.focal_y = focal_point
    writer = _Writer()
    try:
        with transaction.atomic():
            _store(image, prepared, data, original_name, writer)
            image.full_clean(exclude=["file", "uploaded_by"])
            image.save()
    except BaseException:
        writer.rollback()
        raise
    return image, True


@transaction.atomic
def image_replace(*, image: Image, file: IO[bytes], by, original_name: str | None = None) -> Image:
    """Put a new file behind the same library record; renditions are made again.

    Articles showing the photo keep showing it (the record and its id stay); the old
    files are removed once the change is committed.
    """
    data = read_upload(file)
    prepared = prepare(data)
    old = (image.file.name, dict(image.renditions), image.private_original)
    original_name = original_name if original_name is not None else getattr(file, "name", "")
    writer = _Writer()
    try:
        _store(image, prepared, data, original_name, writer)
        image.original_filename = clean_filename(original_name)
        image.checksum = hashlib.sha256(data).hexdigest()
        image.save()
    except BaseException:
        writer.rollback()
        raise
    transaction.on_commit(lambda: _delete_files(*old))
    image_replaced.send(sender=Image, image=image)
    return image


@transaction.atomic
def image_set_focal_point(*, image: Image, focal_point: tuple[float, float] | None) -> Image:
    """Move the point crops keep; the social crop is made again around it."""
    old_social = image.renditions.get("social", "")
    if focal_point is None:
        image.focal_x = image.focal_y = None
    else:
        image.focal_x, image.focal_y = focal_point
    image.full_clean(exclude=["file", "uploaded_by"])
    new_social = social_name(image.focal_point)
    if new_social != old_social and image.file:
        with image.file.open("rb") as stored, PILImage.open(stored) as picture:
            picture.load()
            content = render_social(to_srgb(picture, None), image.focal_point)
        folder = folder_of(image.file.name)
        writer = _Writer()
        writer.save(default_storage, f"{folder}/{new_social}", content)
        transaction.on_commit(lambda: default_storage.delete(f"{folder}/{old_social}"))
        image.renditions = {**image.renditions, "social": new_social}
    image.save()
    return image


def image_usage(image: Image) -> Usage:
    """Everything that shows ``image`` (articles, campaigns…), and how."""
    return usage_of(image)


@transaction.atomic
def image_delete(*, image: Image) -> None:
    """Delete a photo nobody shows; refuse with the list of articles otherwise."""
    usage = image_usage(image)
    if usage:
        raise ImageInUse(usage)
    old = (image.file.name, dict(image.renditions), image.private_original)
    image.delete()
    transaction.on_commit(lambda: _delete_files(*old))


@transaction.atomic
def image_withdraw(*, image: Image) -> None:
    """Take a photo off the site for good (a wanted notice withdrawn: its purpose ended).

    Its stored file, every rendition and the social crop (and a private original) are
    deleted from the media store once the transaction commits, so every address of it
    answers 404. Its record goes too, unless something still shows it (say an article
    that used the same photo): that record stays, emptied of its file, captions and
    renditions, so that nothing can show it again (``picture()`` draws nothing for it).
    The caller first removes its own uses.
    """
    name, private_name = image.file.name, image.private_original
    if usage_of(image):
        image.file.name = ""
        image.renditions = {}
        image.caption = image.alt_text = image.credit = image.place = ""
        image.original_filename = image.private_original = ""
        image.width = image.height = 0
        image.save()
    else:
        image.delete()
    if name:
        transaction.on_commit(lambda: _withdraw_files(name, private_name))


def _withdraw_files(name: str, private_name: str) -> None:
    discard_files(name)
    storage = private_storage()
    if private_name and storage is not None:
        storage.delete(private_name)
    try:  # the empty folder of its renditions, where the store is a local folder
        os.rmdir(default_storage.path(folder_of(name)))
    except (NotImplementedError, OSError):
        pass


def image_rebuild(*, image: Image) -> Image:
    """Clean and re-render a photo stored before this pipeline (or after a settings change).

    The record keeps its checksum, so re-uploading the first file still finds it.
    """
    checksum = image.checksum
    with image.file.open("rb") as stored:
        data = stored.read()
    image_replace(
        image=image, file=io.BytesIO(data), by=None, original_name=image.original_filename
    )
    image.checksum = checksum
    image.save(update_fields=["checksum"])
    return image
