"""Putting files into the image library: verified by content, never by name."""

from __future__ import annotations

import hashlib
import io
import re
from html import unescape
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.translation import gettext as _
from PIL import Image as PILImage

from articles.models import Image
from articles.sanitize import IMG_TAG, img_attributes

# Pillow format name → the extension we store under.
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


def verify_image(data: bytes) -> tuple[str, int, int]:
    """Return (stored extension, width, height) for ``data``.

    Raises a ValidationError with a Vietnamese message when ``data`` is not an image we accept.
    """
    if not data:
        raise ValidationError(_("The file is empty."))
    if len(data) > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": settings.IMAGE_MAX_BYTES // (1024 * 1024)}
        )
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("The image is too large (%(pixels)s megapixels).")
                    % {"pixels": width * height // 1_000_000}
                )
            probe.verify()
        # verify() does not decode pixel data: load it to catch truncated files.
        with PILImage.open(io.BytesIO(data)) as full:
            full.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as exc:
        raise ValidationError(
            _("The file is not a valid image (%(reason)s).") % {"reason": exc}
        ) from exc
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Unsupported image format %(format)s: use JPEG, PNG, WebP or GIF.")
            % {"format": image_format}
        )
    return ACCEPTED_FORMATS[image_format], width, height


def add_image(
    fileobj: IO[bytes],
    *,
    original_name: str,
    caption: str = "",
    alt_text: str = "",
    credit: str = "",
    uploaded_by=None,
) -> tuple[Image, bool]:
    """Verify ``fileobj`` and store it in the library; an identical file is reused.

    Returns ``(image, created)``. Nothing is written when verification fails.
    """
    data = fileobj.read()
    extension, width, height = verify_image(data)
    checksum = hashlib.sha256(data).hexdigest()
    existing = Image.objects.filter(checksum=checksum).first()
    if existing is not None:
        return existing, False
    image = Image(
        caption=caption[:500],
        alt_text=alt_text[:300],
        credit=credit[:200],
        original_filename=original_name[:255],
        checksum=checksum,
        uploaded_by=uploaded_by,
    )
    image.file.save(f"upload{extension}", ContentFile(data), save=False)
    image.width, image.height = width, height  # known already: no need to reopen the file
    image.save()
    return image, True


def _library_name(src: str) -> str | None:
    """The storage name behind a media URL, or None for anything else."""
    media_url = settings.MEDIA_URL
    if src.startswith(media_url):
        return src[len(media_url) :]
    return None


def link_body_images(html: str) -> str:
    """Tie every library image of a sanitised body to its Image record.

    Each ``<img>`` whose src is a library file gets its stored width/height (no layout
    shift, no file opened when the page renders), ``data-image-id`` (renditions, "used
    in") and, when it has none, the image's alt text. One query, whatever the count.
    """
    matches = list(IMG_TAG.finditer(html))
    if not matches:
        return html
    wanted = {}
    for match in matches:
        attributes = img_attributes(match.group(1))
        name = _library_name(unescape(attributes.get("src", "")))
        if name:
            wanted[name] = None
    images = {image.file.name: image for image in Image.objects.filter(file__in=wanted)}

    def rewrite(match: re.Match) -> str:
        attributes = img_attributes(match.group(1))
        image = images.get(_library_name(unescape(attributes.get("src", ""))) or "")
        if image is None:
            return match.group(0)
        alt = unescape(attributes.get("alt", "")) or image.alt
        return (
            f'<img src="{escape(image.file.url)}" alt="{escape(alt)}" width="{image.width}" '
            f'height="{image.height}" data-image-id="{image.pk}">'
        )

    return IMG_TAG.sub(rewrite, html)
