"""Server-side allow-list for article bodies (nh3, the Rust ammonia sanitizer).

Whatever reaches the database passes through ``clean_body()``: the editor in the
browser is a convenience, never the security boundary. Cleaning is idempotent:
cleaning a clean body returns it unchanged.
"""

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark",
    "a", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "data-image-id"},
    "figure": {"class"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
FIGURE_CLASSES = {"image", "table", "image-style-side", "image_resized"}

AttributeFilter = Callable[[str, str, str], str | None]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "figure" and attribute == "class":
        kept = [c for c in value.split() if c in FIGURE_CLASSES]
        return " ".join(kept) or None
    if attribute in {"width", "height", "colspan", "rowspan", "start", "data-image-id"}:
        return value if value.isdigit() else None
    if tag == "img" and attribute == "src":
        # Images come from our own library: relative URLs only, or https.
        scheme = urlsplit(value).scheme.lower()
        return value if scheme in {"", "https", "http"} else None
    return value


def clean_body(html: str, *, attribute_filter: AttributeFilter | None = None) -> str:
    """Return ``html`` reduced to the body allow-list.

    ``attribute_filter`` runs after the built-in one and may rewrite or drop values
    (the importer uses it to point image ``src`` at the library).
    """

    def combined(tag: str, attribute: str, value: str) -> str | None:
        kept = _filter_attribute(tag, attribute, value)
        if kept is not None and attribute_filter is not None:
            kept = attribute_filter(tag, attribute, kept)
        return kept

    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
        attribute_filter=combined,
    ).strip()


IMG_TAG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def img_attributes(tag_inside: str) -> dict[str, str]:
    """Attributes of an <img> tag as serialised by ``clean_body()`` (values still escaped)."""
    return dict(_ATTRIBUTE.findall(tag_inside))
