"""An article body: cleaned and read once when it is saved, rendered in one pass per request.

Bodies arrive as HTML from CKEditor 5 and from importers. ``prepare()`` runs on every save:

1. **clean**: the nh3 allow-list (ammonia) below is the security boundary, whatever the
   browser or the file sent; cleaning a clean body changes nothing;
2. **tie**: the clean HTML is parsed once (lxml) and each photo of the library gets its
   record's id, its stored size, the widths of its renditions, and alt text (its own,
   else the library's, else the figure's caption): a page is then rendered from the body
   alone, never opens a file or asks the database, and never shifts as it loads;
3. **read**: the photos it shows, its words, its headings and its plain text for search
   (``paragraphs()`` gives search snippets the running text alone).

``render()`` walks the stored body once per request: library photos become responsive
``<picture>`` markup from their renditions, every other image loads lazily. When a photo's
file is replaced, the bodies that show it are prepared again (``photo_replaced``).
Nothing else in the project reads body HTML with regular expressions: importers,
exporters, revisions and search snippets use the functions here.
"""

from __future__ import annotations

import html as html_text
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
import nh3
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from photos.models import Image
from photos.renditions import picture_markup, storage_name, widths_of

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark",
    "a", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "data-image-id", "data-widths"},
    "figure": {"class"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
FIGURE_CLASSES = {"image", "table", "image-style-side", "image_resized"}
HEADINGS = ("h2", "h3", "h4")
# Blocks whose text reads as a line of its own (revisions compare bodies line by line).
_BLOCKS = {"p", "h2", "h3", "h4", "li", "blockquote", "figcaption", "tr", "caption"}
_CELLS = {"td", "th"}
BODY_IMAGE_SIZES = "(min-width: 46rem) 42rem, 100vw"

# ``src`` of an <img> → the ``src`` to keep, or None to drop the image (importers).
SourceFilter = Callable[[str], str | None]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "figure" and attribute == "class":
        kept = [c for c in value.split() if c in FIGURE_CLASSES]
        return " ".join(kept) or None
    if attribute in {"width", "height", "colspan", "rowspan", "start", "data-image-id"}:
        return value if value.isdigit() else None
    if attribute == "data-widths":
        return value if value.replace(" ", "").isdigit() else None
    if tag == "img" and attribute == "src":
        # Photos come from our own library: relative addresses, or http(s).
        scheme = urlsplit(value).scheme.lower()
        return value if scheme in {"", "https", "http"} else None
    return value


def clean(html: str, *, image_source: SourceFilter | None = None) -> str:
    """``html`` reduced to the allow-list (idempotent).

    ``image_source`` may rewrite or drop each image's address (an importer points them at
    the library); an image left without an address is removed with its attributes.
    """

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        kept = _filter_attribute(tag, attribute, value)
        if kept is not None and image_source is not None and tag == "img" and attribute == "src":
            kept = image_source(kept)
        return kept

    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
        attribute_filter=attribute_filter,
    ).strip()
    if "<img" not in cleaned:
        return cleaned
    root = _parse(cleaned)
    dropped = [img for img in root.iter("img") if not img.get("src")]
    for img in dropped:
        _remove(img)
    return _serialise(root) if dropped else cleaned


@dataclass
class PreparedBody:
    """What a save keeps of a body: the HTML to store, and what was read from it."""

    html: str
    image_ids: list[int] = field(default_factory=list)
    word_count: int = 0
    headings: list[str] = field(default_factory=list)
    text: str = ""


def prepare(html: str) -> PreparedBody:
    """Clean ``html``, tie its library photos to their records, and read it (one query).

    A photo is known by its ``data-image-id`` (kept from an earlier save) or else by its
    address in the library; either way it takes the record's current file and size.
    """
    cleaned = clean(html)
    if not cleaned:
        return PreparedBody(html="")
    root = _parse(cleaned)
    by_id, by_name = _library_images(list(root.iter("img")))
    ids = []
    for img in root.iter("img"):
        image_id = img.get("data-image-id", "")
        image = by_id.get(int(image_id)) if image_id.isdigit() else None
        image = image or by_name.get(storage_name(img.get("src", "")) or "")
        if image is None:
            img.attrib.pop("data-image-id", None)
            img.attrib.pop("data-widths", None)
            continue
        alt = img.get("alt") or image.alt or _caption(img)
        img.attrib.clear()
        img.attrib.update(
            {
                "src": image.file.url,
                "alt": alt,
                "width": str(image.width),
                "height": str(image.height),
                "data-image-id": str(image.pk),
                "data-widths": " ".join(str(w) for w in widths_of(image)),
            }
        )
        if not img.get("data-widths"):
            del img.attrib["data-widths"]
        ids.append(image.pk)
    text = _text(root)
    return PreparedBody(
        html=_serialise(root),
        image_ids=list(dict.fromkeys(ids)),
        word_count=len(text.split()),
        headings=[" ".join(h.text_content().split()) for h in root.iter(*HEADINGS)],
        text=text,
    )


def image_ids(html: str) -> list[int]:
    """The library photos a stored body shows, in order."""
    if "data-image-id" not in (html or ""):
        return []
    found = (img.get("data-image-id", "") for img in _parse(html).iter("img"))
    return list(dict.fromkeys(int(i) for i in found if i.isdigit()))


def render(html: str) -> SafeString:
    """The stored (clean) body as readers get it, in one pass and with no query: each
    library photo as responsive ``<picture>`` markup, every other image lazy, every image
    described (its alt text, else its figure's caption)."""
    if "<img" not in (html or ""):
        return mark_safe(html or "")  # noqa: S308 - cleaned on save
    root = _parse(html)
    for img in list(root.iter("img")):
        alt = img.get("alt") or _caption(img)
        name = storage_name(img.get("src", ""))
        if img.get("data-image-id") and name:
            markup = picture_markup(
                name,
                int(img.get("width") or 0),
                int(img.get("height") or 0),
                [int(w) for w in img.get("data-widths", "").split()],
                alt=alt,
                sizes=BODY_IMAGE_SIZES,
            )
            picture = lxml.html.fragment_fromstring(str(markup))
            picture.tail = img.tail
            img.getparent().replace(img, picture)
            continue
        img.set("alt", alt)
        img.set("loading", "lazy")
        img.set("decoding", "async")
    return mark_safe(_serialise(root))  # noqa: S308 - cleaned on save; markup escaped


def plain_text(html: str) -> str:
    """The readable text of a body, one block (paragraph, heading, item…) per line."""
    return _text(_parse(html)) if html else ""


def paragraphs(html: str) -> list[str]:
    """The body's running text, one string per paragraph or list item: no heading, photo
    caption or table (what a search snippet quotes)."""
    if not html:
        return []
    found = []
    for element in _parse(html).iter("p", "li"):
        if any(a.tag in ("figure", "figcaption", "table") for a in element.iterancestors()):
            continue
        if element.tag == "li" and element.find("p") is not None:
            continue  # its paragraphs are read themselves
        text = " ".join(element.text_content().split())
        if text:
            found.append(text)
    return found


def retarget_images(html: str, change: Callable[[dict[str, str]], dict[str, str] | None]) -> str:
    """``html`` with each ``<img>``'s attributes replaced by ``change(attributes)``
    (None removes the image): exporters and importers move photos between sites so."""
    if "<img" not in (html or ""):
        return html or ""
    root = _parse(html)
    for img in list(root.iter("img")):
        attributes = change(dict(img.attrib))
        if attributes is None:
            _remove(img)
            continue
        img.attrib.clear()
        img.attrib.update(attributes)
    return _serialise(root)


def retarget_links(html: str, change: Callable[[str], str | None]) -> str:
    """``html`` with each link's ``href`` replaced by ``change(href)`` when it gives one
    (importers point links between old articles at their new addresses)."""
    if "<a" not in (html or ""):
        return html or ""
    root = _parse(html)
    changed = False
    for link in root.iter("a"):
        new = change(link.get("href", ""))
        if new is not None and new != link.get("href"):
            link.set("href", new)
            changed = True
    return _serialise(root) if changed else html


def images_with_captions(html: str) -> list[tuple[str, str]]:
    """``(src, caption of its figure)`` for each image, in order (importers' metadata)."""
    if "<img" not in (html or ""):
        return []
    return [(img.get("src", ""), _caption(img)) for img in _parse(html).iter("img")]


# The tree ---------------------------------------------------------------------------


def _parse(html: str) -> lxml.html.HtmlElement:
    """The body's elements under one <div> (a body may start with bare text)."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _serialise(root: lxml.html.HtmlElement) -> str:
    inner = html_text.escape(root.text or "", quote=False)
    return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _remove(element: lxml.html.HtmlElement) -> None:
    """Take ``element`` out, keeping the text that followed it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _caption(img: lxml.html.HtmlElement) -> str:
    """The caption of the figure holding ``img``, as plain text ("" outside a figure)."""
    for figure in img.iterancestors("figure"):
        caption = figure.find("figcaption")
        return " ".join(caption.text_content().split()) if caption is not None else ""
    return ""


def _text(root: lxml.html.HtmlElement) -> str:
    lines, current = [], []

    def end_line() -> None:
        if current:
            lines.append("".join(current))
            current.clear()

    def walk(element) -> None:
        if element.tag in _BLOCKS:
            end_line()
        current.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            current.append(child.tail or "")
        if element.tag in _BLOCKS or element.tag == "br":
            end_line()
        elif element.tag in _CELLS:
            current.append(" ")

    walk(root)
    end_line()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _library_images(
    imgs: list[lxml.html.HtmlElement],
) -> tuple[dict[int, Image], dict[str, Image]]:
    """The library records the images name, by id and by stored file name (one query)."""
    ids = {int(i) for img in imgs if (i := img.get("data-image-id", "")).isdigit()}
    names = {name for img in imgs if (name := storage_name(img.get("src", "")))}
    if not ids and not names:
        return {}, {}
    found = list(Image.objects.filter(Q(pk__in=ids) | Q(file__in=names)))
    return {i.pk: i for i in found}, {i.file.name: i for i in found}
