"""An article body as readers get it: every image lazy, sized, and with alt text.

The stored body is already sanitised (articles/sanitize.py); this only adds attributes.
Body images are below the cover and the sapo, so they never block the first paint.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.S)
_IMG = re.compile(r"<img\b([^>]*?)\s*/?>", re.S)
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S)
_ALT = re.compile(r'\balt="([^"]*)"')


def _with_attributes(attrs: str, caption: str) -> str:
    alt = _ALT.search(attrs)
    if alt is None or not alt.group(1).strip():
        attrs = _ALT.sub("", attrs).rstrip()
        attrs += f' alt="{html.escape(caption, quote=True)}"'
    if "loading=" not in attrs:
        attrs += ' loading="lazy"'
    if "decoding=" not in attrs:
        attrs += ' decoding="async"'
    return f"<img{attrs}>"


def _figure(match: re.Match) -> str:
    figure = match.group(0)
    caption = _CAPTION.search(figure)
    text = " ".join(html.unescape(strip_tags(caption.group(1))).split()) if caption else ""
    return _IMG.sub(lambda m: _with_attributes(m.group(1), text), figure)


def render_body(body: str) -> SafeString:
    """``body`` with alt text from the caption where missing and lazy loading on images."""
    with_figures = _FIGURE.sub(_figure, body or "")
    # Images outside a figure (rare): lazy too; their alt stays as the editor left it.
    rendered = _IMG.sub(
        lambda m: m.group(0) if "loading=" in m.group(1) else _with_attributes(m.group(1), ""),
        with_figures,
    )
    return mark_safe(rendered)  # the stored body is sanitised on every save
