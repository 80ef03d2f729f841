"""Saved HTML pages of a portal that has no export, read through a small selector file.

The selector file (TOML) says where each part of an article is on the old portal's pages::

    base_url = "https://congan.caobang.example.vn"  # the old address of a page without
                                                    # <link rel="canonical">: base_url/its path
    date_format = "%d/%m/%Y %H:%M"                  # strptime, read in the site's time zone
    section = "Tin tức"                             # optional: when no section selector
    encoding = "windows-1258"                       # optional: else the page's own charset

    [selectors]                                     # CSS selectors (the first match counts)
    title = "h1.title"                              # required
    body = "div.content"                            # required
    sapo = "p.sapo"
    date = "span.date"                              # its text, datetime= or content=
    byline = "p.author"
    images = "div.slide img"                        # every match: a photo story
    cover = "meta[property='og:image']"
    section = "ul.breadcrumb li:last-child"
    tags = "div.tags a"                             # every match
    remove = ["div.share", "script"]                # cut out of the body

Every page is read in ``scan()`` before anything is written: a selector file or a page that
cannot be used ends the import with an error naming the file. A page is identified by its
path in the folder. Relative photos and links in it are read against the page's place in
the folder (``base_url`` + its path), as a mirroring tool (wget, HTTrack) leaves them: a photo
saved beside the pages is found with ``--uploads`` set to the folder, and a link to another
saved page finds that page's new address once everything is in.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin
from zoneinfo import ZoneInfo

import lxml.html
from cssselect import SelectorError
from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree
from lxml.cssselect import CSSSelector

from imports.items import ArchiveError, SourceItem

REQUIRED = ("title", "body")
SINGLE = ("title", "body", "sapo", "date", "byline", "cover", "section")
MANY = ("images", "tags", "remove")
SETTINGS = {"base_url", "date_format", "section", "encoding", "selectors"}
SUFFIXES = {".html", ".htm"}
_FORMAT_PARTS = {
    "%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{2}", "%H": r"\d{1,2}",
    "%I": r"\d{1,2}", "%M": r"\d{2}", "%S": r"\d{2}", "%p": r"[AaPp][Mm]", "%%": "%",
}  # fmt: skip


def _date_pattern(date_format: str) -> re.Pattern:
    """A regular expression finding a date written in ``date_format`` inside longer text
    (“Thứ Hai, 12/05/2019 - 08:44”)."""
    pieces = re.split(r"(%.)", date_format)
    return re.compile(
        "".join(
            _FORMAT_PARTS.get(p, r"\S+?")
            if re.fullmatch("%.", p)
            else r"\s+".join(map(re.escape, p.split(" ")))
            for p in pieces
        )
    )


def _words(element) -> str:
    # NFC: a legacy page (windows-1258) writes tones as combining marks.
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", element.text_content()).strip())


@dataclass
class Selectors:
    path: Path
    base_url: str = ""
    date_format: str = ""
    section: str = ""
    encoding: str | None = None
    single: dict[str, CSSSelector] = field(default_factory=dict)
    many: dict[str, list[CSSSelector]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Selectors:
        def fail(message: str) -> ArchiveError:
            return ArchiveError(
                _("The selector file %(file)s: %(error)s") % {"file": path, "error": message}
            )

        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(_("cannot be read (%(e)s)") % {"e": exc}) from None
        except tomllib.TOMLDecodeError as exc:
            raise fail(_("not valid TOML (%(e)s)") % {"e": exc}) from None
        unknown = sorted(set(data) - SETTINGS)
        selectors = data.get("selectors")
        if not isinstance(selectors, dict):
            raise fail(_("a [selectors] table is required"))
        unknown += sorted(f"selectors.{k}" for k in set(selectors) - set(SINGLE) - set(MANY))
        if unknown:
            raise fail(_("unknown settings: %(k)s") % {"k": ", ".join(unknown)})
        missing = [k for k in REQUIRED if not selectors.get(k)]
        if missing:
            raise fail(_("the selectors %(k)s are required") % {"k": ", ".join(missing)})
        result = cls(
            path=Path(path),
            base_url=str(data.get("base_url") or "").rstrip("/"),
            date_format=str(data.get("date_format") or ""),
            section=str(data.get("section") or "").strip(),
            encoding=str(data["encoding"]) if data.get("encoding") else None,
        )
        if selectors.get("date") and not result.date_format:
            raise fail(_("a date selector needs date_format (for example “%d/%m/%Y %H:%M”)"))
        if result.base_url and not re.match(r"https?://[^/]+", result.base_url):
            raise fail(_("base_url must be an address such as https://congan.example.vn"))
        for key, value in selectors.items():
            values = value if isinstance(value, list) else [value]
            if (
                key in SINGLE
                and isinstance(value, list)
                or not all(isinstance(v, str) and v.strip() for v in values)
            ):
                raise fail(_("selector “%(k)s” must be a text") % {"k": key})
            try:
                compiled = [CSSSelector(v, translator="html") for v in values]
            except (SelectorError, etree.XPathError) as exc:
                raise fail(
                    _("selector “%(k)s” (%(v)s) is not valid CSS: %(e)s")
                    % {"k": key, "v": value, "e": exc}
                ) from None
            if key in SINGLE:
                result.single[key] = compiled[0]
            else:
                result.many[key] = compiled
        return result


class SavedHtmlReader:
    name = "html"

    def __init__(self, path: Path, *, selectors: Path, zone: str | None = None) -> None:
        self.path = Path(path)
        self.selectors = Selectors.load(selectors)
        self.base_url = self.selectors.base_url
        self.zone = ZoneInfo(zone or settings.TIME_ZONE)
        self.categories: dict[str, str] = {}
        self.total = 0
        self.found: Counter = Counter()

    def files(self) -> list[Path]:
        if self.path.is_file():
            return [self.path]
        return sorted(
            p for p in self.path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
        )

    def relative(self, page: Path) -> str:
        return page.name if self.path.is_file() else page.relative_to(self.path).as_posix()

    # The first pass ---------------------------------------------------------------

    def scan(self) -> None:
        pages = self.files()
        if not pages:
            raise ArchiveError(_("No saved page (.html, .htm) in %(path)s.") % {"path": self.path})
        for page in pages:
            item = self._item(page)
            self.total += 1
            found = {
                "sapo": item.sapo, "date": item.published_at, "byline": item.authors,
                "cover": item.cover_url, "section": item.sections, "images": item.gallery,
            }  # fmt: skip
            self.found.update(part for part, value in found.items() if value)

    def plan_lines(self) -> list[str]:
        lines = [
            _("Saved pages in %(path)s, read with %(file)s")
            % {"path": self.path, "file": self.selectors.path}
        ]
        lines.append(f"  pages: {self.total}")
        for part, count in sorted(self.found.items()):
            lines.append(f"  {part}: {count}/{self.total}")
        return lines

    # The second pass --------------------------------------------------------------

    def items(self) -> Iterator[SourceItem]:
        for page in self.files():
            yield self._item(page)

    def _fail(self, page: Path, message: str) -> ArchiveError:
        return ArchiveError(_("Page %(file)s: %(error)s") % {"file": page, "error": message})

    def _document(self, page: Path):
        try:
            data = page.read_bytes()
        except OSError as exc:
            raise self._fail(page, _("cannot be read (%(e)s)") % {"e": exc}) from None
        if not data.strip():
            raise self._fail(page, _("the file is empty"))
        parser = lxml.html.HTMLParser(
            encoding=self.selectors.encoding,
            remove_comments=True,
            remove_pis=True,
            no_network=True,
        )
        text: str | bytes = data
        if self.selectors.encoding is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data  # lxml reads the page's own <meta charset>
        try:
            return lxml.html.document_fromstring(text, parser=parser)
        except (etree.ParserError, etree.LxmlError, ValueError) as exc:
            raise self._fail(page, _("not an HTML page (%(e)s)") % {"e": exc}) from None

    def _one(self, document, key: str):
        selector = self.selectors.single.get(key)
        if selector is None:
            return None
        found = selector(document)
        return found[0] if found else None

    def _item(self, page: Path) -> SourceItem:
        document = self._document(page)
        relative = self.relative(page)
        place = f"{self.base_url}/{quote(relative)}" if self.base_url else f"/{quote(relative)}"
        canonical = next(
            (
                link.get("href", "").strip()
                for link in document.iter("link")
                if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
            ),
            "",
        )
        old_url = urljoin(place, canonical) if canonical else place
        item = SourceItem(old_id=relative, kind="html")
        title = self._one(document, "title")
        if title is None or not _words(title):
            raise self._fail(
                page, _("no title (selector “%(s)s”)") % {"s": self.selectors.single["title"].css}
            )
        item.title = _words(title)
        body = self._one(document, "body")
        if body is None:
            raise self._fail(
                page, _("no body (selector “%(s)s”)") % {"s": self.selectors.single["body"].css}
            )
        item.body_html = self._body(body, place)
        sapo = self._one(document, "sapo")
        item.sapo = _words(sapo) if sapo is not None else ""
        item.published_at = self._date(page, self._one(document, "date"))
        byline = self._one(document, "byline")
        item.authors = [_words(byline)] if byline is not None and _words(byline) else []
        section = self._one(document, "section")
        name = _words(section) if section is not None else self.selectors.section
        item.sections = [name] if name else []
        item.tags = list(dict.fromkeys(
            _words(e) for s in self.selectors.many.get("tags", []) for e in s(document) if _words(e)
        ))  # fmt: skip
        cover = self._one(document, "cover")
        if cover is not None:
            source = cover.get("content") or cover.get("src") or cover.get("href") or ""
            item.cover_url = urljoin(place, source.strip()) if source.strip() else ""
        for selector in self.selectors.many.get("images", []):
            for image in selector(document):
                source = (image.get("src") or image.get("data-src") or "").strip()
                if source and not source.startswith("data:"):
                    item.gallery.append((urljoin(place, source), (image.get("alt") or "").strip()))
        item.old_urls = [old_url] if self.base_url or canonical else []
        return item

    def _body(self, body, place: str) -> str:
        for selector in self.selectors.many.get("remove", []):
            for element in selector(body):
                element.drop_tree()
        for image in body.iter("img"):
            source = (image.get("data-src") or image.get("src") or "").strip()
            if source and not source.startswith("data:"):
                image.set("src", urljoin(place, source))
        for link in body.iter("a"):
            href = (link.get("href") or "").strip()
            if href and not href.startswith(("#", "mailto:", "tel:", "javascript:")):
                link.set("href", urljoin(place, href))
        parts = [html.escape(body.text or "", quote=False)]
        parts += [lxml.html.tostring(child, encoding="unicode") for child in body]
        return unicodedata.normalize("NFC", "".join(parts).strip())

    def _date(self, page: Path, element) -> dt.datetime | None:
        if element is None:
            return None
        raw = (element.get("datetime") or element.get("content") or _words(element)).strip()
        if not raw:
            return None
        if element.get("datetime") or element.get("content"):
            try:
                value = dt.datetime.fromisoformat(raw)
                return value if value.tzinfo else value.replace(tzinfo=self.zone)
            except ValueError:
                pass
        date_format = self.selectors.date_format
        found = _date_pattern(date_format).search(raw)
        try:
            value = dt.datetime.strptime(found.group() if found else raw, date_format)
        except ValueError:
            raise self._fail(
                page,
                _("the date “%(d)s” is not written as %(f)s (date_format)")
                % {"d": raw[:80], "f": date_format},
            ) from None
        return value.replace(tzinfo=self.zone)
