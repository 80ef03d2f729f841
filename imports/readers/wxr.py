"""WordPress eXtended RSS (WXR 1.0, 1.1, 1.2), read as a stream.

The file is read twice with lxml's ``iterparse``, element by element, each item cleared
once read, so memory stays bounded whatever the size: a first pass checks the whole file
(a malformed one is refused before anything is written, naming the line) and learns the
authors, categories and attachments; the second yields the items. A document type
declaration is refused outright (entity expansion, external entities), and lxml is told
never to resolve an entity, load a DTD or use the network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from imports import wordpress
from imports.items import ArchiveError, SourceItem, plan_label

WP_NAMESPACE = "http://wordpress.org/export/"
STATUSES = {
    "publish": ("published", ""),
    "future": (
        "published",
        gettext_lazy("scheduled there: published here at its own (future) time"),
    ),
    "draft": ("draft", ""),
    "pending": ("draft", gettext_lazy("pending review there: imported as a draft")),
    "private": ("draft", gettext_lazy("private there: imported as a draft, not shown to readers")),
    "trash": ("gone", gettext_lazy("in the trash there: not imported, its address answers 410")),
}
KINDS = {"post", "page", "attachment"}
_PROLOGUE_BYTES = 64 * 1024


def _local(element) -> str:
    return etree.QName(element).localname


def _doctype_refused() -> ArchiveError:
    return ArchiveError(
        _(
            "The file declares a document type (<!DOCTYPE>/<!ENTITY>), which a WordPress "
            "export never does: refused, to protect the server (entity expansion, "
            "external entities)."
        )
    )


def _refuse_doctype(path: Path) -> None:
    """A WXR file has no document type: one is refused before the parser sees it."""
    with path.open("rb") as handle:
        head = handle.read(_PROLOGUE_BYTES)
    root = re.search(rb"<(?![?!])", head)
    prologue = head[: root.start()] if root else head
    if b"<!DOCTYPE" in prologue.upper() or b"<!ENTITY" in prologue.upper():
        raise _doctype_refused()


def _elements(path: Path) -> Iterator:
    _refuse_doctype(path)
    parser = etree.iterparse(
        str(path),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )
    checked = False
    try:
        for _event, element in parser:
            if not checked:
                # One hidden past the first bytes (behind a long comment) is seen by the
                # parser, which has read it, unexpanded, before the first element ends.
                if element.getroottree().docinfo.doctype:
                    raise _doctype_refused()
                checked = True
            yield element
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else (exc.position[0] if exc.position else "?")
        raise ArchiveError(
            _("The XML file is malformed at line %(line)s: %(error)s")
            % {"line": line, "error": exc.msg}
        ) from None


def _release(element) -> None:
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _children(element) -> dict[str, list]:
    found: dict[str, list] = {}
    for child in element:
        if isinstance(child.tag, str):
            found.setdefault(_local(child), []).append(child)
    return found


def _text(children: dict, name: str) -> str:
    values = children.get(name)
    return (values[0].text or "").strip() if values else ""


class WxrReader:
    name = "wxr"

    def __init__(self, path: Path, *, zone: str = "Asia/Ho_Chi_Minh") -> None:
        self.path = Path(path)
        self.zone = ZoneInfo(zone)
        self.total = 0
        self.kinds: Counter = Counter()
        self.statuses: Counter = Counter()
        self.authors: dict[str, str] = {}  # login → display name
        self.categories: dict[str, str] = {}  # nicename → name
        self.tags: dict[str, str] = {}
        self.attachments: dict[str, str] = {}  # id → url
        self.base_url = ""
        self.version = ""

    # The first pass ---------------------------------------------------------------

    def scan(self) -> None:
        seen_rss = False
        for element in _elements(self.path):
            name = _local(element)
            parent = element.getparent()
            in_channel = parent is not None and _local(parent) == "channel"
            if name == "rss":
                seen_rss = True
            elif name == "item" and in_channel:
                kids = _children(element)
                kind = _text(kids, "post_type")
                self.kinds[kind if kind in KINDS else "other"] += 1
                if kind in KINDS:
                    self.total += 1
                    if kind != "attachment":
                        self.statuses[_text(kids, "status")] += 1
                if kind == "attachment":
                    self.attachments[_text(kids, "post_id")] = _text(kids, "attachment_url")
                _release(element)
            elif in_channel and name == "author":
                kids = _children(element)
                login = _text(kids, "author_login")
                self.authors[login] = _text(kids, "author_display_name") or login
                _release(element)
            elif in_channel and name == "category":
                kids = _children(element)
                self.categories[_text(kids, "category_nicename")] = _text(kids, "cat_name")
                _release(element)
            elif in_channel and name == "tag":
                kids = _children(element)
                self.tags[_text(kids, "tag_slug")] = _text(kids, "tag_name")
                _release(element)
            elif in_channel and name in {"base_site_url", "wxr_version"}:
                if name == "wxr_version":
                    self.version = (element.text or "").strip()
                else:
                    self.base_url = (element.text or "").strip()
            elif in_channel and name == "link" and not self.base_url:
                self.base_url = (element.text or "").strip()
        if not seen_rss or not self.version:
            raise ArchiveError(
                _("This is not a WordPress export (WXR): no <rss> with <wp:wxr_version>.")
            )
        if not re.fullmatch(r"1\.[0-2]", self.version):
            raise ArchiveError(
                _("WXR version %(v)s is not supported (1.0 to 1.2).") % {"v": self.version}
            )

    def plan_lines(self) -> list[str]:
        lines = [_("WXR %(v)s from %(url)s") % {"v": self.version, "url": self.base_url}]
        for kind, count in sorted(self.kinds.items()):
            lines.append(f"  {kind}: {count}")
        for status, count in sorted(self.statuses.items()):
            target, note = STATUSES.get(status, ("", ""))
            target = plan_label(target) if target else _("not imported")
            lines.append(f"  {status}: {count} → {target} {note}".rstrip())
        return lines

    # The second pass --------------------------------------------------------------

    def items(self) -> Iterator[SourceItem]:
        for element in _elements(self.path):
            if _local(element) != "item":
                continue
            parent = element.getparent()
            if parent is None or _local(parent) != "channel":
                continue
            item = self._item(element)
            _release(element)
            if item is not None:
                yield item

    def _time(self, kids: dict) -> dt.datetime | None:
        gmt = _text(kids, "post_date_gmt")
        local = _text(kids, "post_date")
        for value, zone in ((gmt, dt.UTC), (local, self.zone)):
            if value and not value.startswith("0000"):
                try:
                    return dt.datetime.fromisoformat(value).replace(tzinfo=zone)
                except ValueError:
                    continue
        return None

    def _item(self, element) -> SourceItem | None:
        kids = _children(element)
        kind = _text(kids, "post_type")
        if kind not in KINDS:
            return None
        post_id = _text(kids, "post_id")
        item = SourceItem(old_id=post_id, kind=kind, title=_text(kids, "title"))
        link = _text(kids, "link")
        item.published_at = self._time(kids)
        item.slug = _text(kids, "post_name")
        if kind == "attachment":
            item.media_url = _text(kids, "attachment_url")
            item.caption = self._plain(self._encoded(kids, "excerpt"))
            item.alt = self._meta(kids).get("_wp_attachment_image_alt", "")
            item.target = "published"
            return item
        status = _text(kids, "status")
        item.status = status
        unknown = _("status “%(s)s” there: not imported") % {"s": status}
        target, note = STATUSES.get(status, ("gone", unknown))
        item.target = target
        if note:
            item.notes.append(str(note))
        item.authors = [a for a in (_text(kids, "creator"),) if a]
        for category in kids.get("category", []):
            domain, nicename = category.get("domain"), category.get("nicename") or ""
            name = (category.text or "").strip()
            if domain == "category":
                item.sections.append(nicename or name)
            elif domain == "post_tag":
                item.tags.append(name or nicename)
        meta = self._meta(kids)
        thumbnail = meta.get("_thumbnail_id", "")
        if thumbnail:
            url = self.attachments.get(thumbnail, "")
            if url:
                item.cover_url = url
            else:
                item.notes.append(
                    _("featured image %(id)s is not in the export") % {"id": thumbnail}
                )
        expanded = wordpress.expand(self._encoded(kids, "content"))
        item.unknown_shortcodes = expanded.unknown
        for gallery_id in expanded.gallery_ids:
            url = self.attachments.get(gallery_id)
            if url:
                item.gallery.append((url, ""))
            else:
                item.notes.append(
                    _("gallery photo %(id)s is not in the export") % {"id": gallery_id}
                )
        item.body_html = wordpress.autop(expanded.html)
        item.sapo = self._plain(self._encoded(kids, "excerpt"))
        item.old_urls = self._old_urls(kind, post_id, link, _text(kids, "guid"))
        return item

    @staticmethod
    def _encoded(kids: dict, prefix: str) -> str:
        for element in kids.get("encoded", []):
            namespace = etree.QName(element).namespace or ""
            if prefix == "content" and "purl.org/rss/1.0/modules/content" in namespace:
                return element.text or ""
            if prefix == "excerpt" and namespace.endswith("/excerpt/"):
                return element.text or ""
        return ""

    @staticmethod
    def _meta(kids: dict) -> dict[str, str]:
        meta = {}
        for postmeta in kids.get("postmeta", []):
            inner = _children(postmeta)
            meta[_text(inner, "meta_key")] = _text(inner, "meta_value")
        return meta

    @staticmethod
    def _plain(html: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()

    def _old_urls(self, kind: str, post_id: str, link: str, guid: str) -> list[str]:
        base = self.base_url.rstrip("/")
        urls = [link] if link else []
        query = "page_id" if kind == "page" else "p"
        urls.append(f"{base}/?{query}={post_id}")
        if guid and urlsplit(guid).query and guid not in urls:
            urls.append(guid)
        return list(dict.fromkeys(urls))
