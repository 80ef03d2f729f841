"""Reading a photo's renditions: addresses, sizes and ``<picture>`` markup.

Everything here comes from the record (or from what an article body keeps of it): no file
is opened and the storage is asked nothing but addresses.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.html import format_html
from django.utils.safestring import SafeString

from photos.models import Image


def folder_of(name: str) -> str:
    """anh/2026/11/26/abc.jpg → anh/2026/11/26/abc (where its renditions live)."""
    return str(PurePath(name).with_suffix(""))


def widths_of(image: Image) -> list[int]:
    """The widths of the renditions ``image`` has (none for a photo not rendered yet)."""
    return [w for w, _h in image.renditions.get("sizes") or []]


def rendition_url(name: str, width: int, fmt: str) -> str:
    """The address of the ``width``-pixel rendition of the stored file ``name``."""
    return f"{_folder_url(name, settings.MEDIA_URL)}{width}.{fmt}"


@functools.lru_cache(maxsize=8192)
def _folder_url(name: str, media_url: str) -> str:
    """``/media/anh/…/<random>/``: asked of the storage once per photo, not per rendition."""
    return default_storage.url(f"{folder_of(name)}/_")[:-1]


def srcset(name: str, widths: Sequence[int], fmt: str) -> str:
    """ "…/320.webp 320w, …/640.webp 640w" """
    return ", ".join(f"{rendition_url(name, w, fmt)} {w}w" for w in widths)


def fallback_rendition(image: Image, near: int = 960) -> tuple[str, int, int]:
    """(url, width, height) of the JPEG rendition closest to ``near`` pixels wide."""
    sizes = image.renditions.get("sizes") or []
    if not sizes:  # not rendered yet (stored before the library existed): the cleaned copy
        return image.file.url, image.width, image.height
    w, h = min(sizes, key=lambda s: (abs(s[0] - near), -s[0]))
    return rendition_url(image.file.name, w, "jpg"), w, h


def social_image_url(image: Image | None, request=None) -> str:
    """The 1200×630 crop (around the focal point) for Open Graph / Zalo / Facebook cards.

    Absolute when ``request`` is given (or from SITE_URL); empty without an image.
    """
    if image is None or not image.file:
        return ""
    social = image.renditions.get("social")
    url = (
        default_storage.url(f"{folder_of(image.file.name)}/{social}")
        if social
        else fallback_rendition(image, 1200)[0]
    )
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


def thumbnail_url(image: Image) -> str:
    """The smallest WebP rendition: the admin's thumbnails."""
    widths = widths_of(image)
    return rendition_url(image.file.name, widths[0], "webp") if widths else image.file.url


def storage_name(url: str) -> str | None:
    """The storage name behind a media address, or None for any other address."""
    media_url = settings.MEDIA_URL
    if url.startswith(media_url):
        return url[len(media_url) :]
    return None


def picture_html(
    image: Image | None,
    *,
    sizes: str = "100vw",
    lazy: bool = True,
    alt: str | None = None,
    css_class: str = "",
    priority: bool = False,
) -> SafeString:
    """``<picture>`` of a library photo (``alt``: its own alt text, else its caption);
    nothing for a photo withdrawn from the site (no file)."""
    if image is None or not image.file:
        return SafeString("")
    return picture_markup(
        image.file.name,
        image.width,
        image.height,
        widths_of(image),
        alt=image.alt if alt is None else alt,
        sizes=sizes,
        lazy=lazy,
        css_class=css_class,
        priority=priority,
    )


def picture_markup(
    name: str,
    width: int,
    height: int,
    widths: Sequence[int],
    *,
    alt: str,
    sizes: str = "100vw",
    lazy: bool = True,
    css_class: str = "",
    priority: bool = False,
) -> SafeString:
    """``<picture>``: WebP renditions with a JPEG fallback, ``srcset``/``sizes``,
    ``width``/``height`` of the full size (a rendition's rounding must not shift the
    layout), ``loading="lazy"`` below the fold; ``priority=True`` for the one image at
    the top of a page. Without renditions, the stored file itself.
    """
    if widths:
        near = min(widths, key=lambda w: (abs(w - 960), -w))
        src = rendition_url(name, near, "jpg")
        webp = format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">',
            srcset(name, widths, "webp"),
            sizes,
        )
        jpeg = format_html(' srcset="{}" sizes="{}"', srcset(name, widths, "jpg"), sizes)
    else:
        src, webp, jpeg = default_storage.url(name), "", ""
    return format_html(
        '<picture{}>{}<img src="{}"{} alt="{}" width="{}" height="{}"{}{} decoding="async">'
        "</picture>",
        format_html(' class="{}"', css_class) if css_class else "",
        webp,
        src,
        jpeg,
        alt,
        str(width),
        str(height),
        SafeString(' loading="lazy"') if lazy and not priority else "",
        SafeString(' fetchpriority="high"') if priority else "",
    )
