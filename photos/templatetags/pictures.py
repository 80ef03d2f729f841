"""{% picture %}: responsive, lazy, WebP-first photo markup from stored dimensions only."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from photos import renditions
from photos.models import Image

register = template.Library()


@register.simple_tag
def picture(
    image: Image | None,
    sizes: str = "100vw",
    lazy: bool = True,
    alt: str | None = None,
    css_class: str = "",
    priority: bool = False,
) -> SafeString:
    """``{% picture image sizes="(min-width: 48rem) 40vw, 100vw" lazy=True %}``"""
    return renditions.picture_html(
        image, sizes=sizes, lazy=lazy, alt=alt, css_class=css_class, priority=priority
    )


@register.simple_tag
def social_image_url(image: Image | None, request=None) -> str:
    """``{% social_image_url article.cover request %}`` → absolute URL of the 1200×630 crop."""
    return renditions.social_image_url(image, request)


@register.filter
def thumbnail_url(image: Image) -> str:
    """The smallest WebP rendition: the admin grid's thumbnail."""
    return renditions.thumbnail_url(image)
