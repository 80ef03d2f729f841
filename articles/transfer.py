"""JSON Lines import and export of articles (one JSON object per line).

The format is documented in the README. Each record is imported in its own
transaction; a record that fails leaves nothing behind, not even image files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.images import add_image, discard_files
from articles.models import Article, Author, Byline, Campaign, Image, Section, Tag
from articles.sanitize import IMG_TAG, clean_body, img_attributes
from articles.slugs import slugify_vi

IMPORTABLE_STATUSES = {"published": Article.Status.PUBLISHED, "draft": Article.Status.DRAFT}
DEFAULT_SOURCE = "import"


class RecordError(Exception):
    """A record that cannot be imported; the message is shown to the operator."""


@dataclass
class ImportResult:
    article: Article
    created: bool
    new_files: list[str] = field(default_factory=list)


# Reading records -------------------------------------------------------------


def _text(record: dict, key: str, *, required: bool = False, limit: int | None = None) -> str:
    value = record.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(_("“%(field)s” must be text.") % {"field": key})
    value = value.strip()
    if required and not value:
        raise RecordError(_("“%(field)s” is missing.") % {"field": key})
    if limit is not None and len(value) > limit:
        raise RecordError(
            _("“%(field)s” is longer than %(limit)s characters.") % {"field": key, "limit": limit}
        )
    return value


def _names(record: dict, key: str) -> list[str]:
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(_("“%(field)s” must be a list of names.") % {"field": key})
    return list(dict.fromkeys(v.strip() for v in value if v.strip()))


def _published_at(record: dict) -> dt.datetime | None:
    raw = record.get("published_at")
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise RecordError(_("“published_at” must be an ISO 8601 text."))
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise RecordError(
            _("“published_at” is not a valid ISO 8601 time: %(value)s") % {"value": raw}
        ) from None
    if timezone.is_naive(value):
        raise RecordError(_("“published_at” needs a UTC offset, e.g. 2023-03-21T08:44:00+07:00."))
    return value


def _authors(record: dict) -> list[tuple[str, str]]:
    value = record.get("authors")
    if not isinstance(value, list) or not value:
        raise RecordError(_("“authors” must list at least one author."))
    authors = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise RecordError(_("Each author needs a “name” (and optionally a “unit”)."))
        name, unit = item["name"].strip(), str(item.get("unit") or "").strip()
        if not name:
            raise RecordError(_("An author's name is empty."))
        authors.append((name[:120], unit[:200]))
    return list(dict.fromkeys(authors))


class _FigureReader(HTMLParser):
    """Collects (img src, its figcaption text) pairs from a body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: dict[str, str] = {}
        self._current: str | None = None
        self._in_caption = False
        self._caption: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if src:
                self.images.setdefault(src, "")
                self._current = src
        elif tag == "figcaption":
            self._in_caption, self._caption = True, []
        elif tag == "figure":
            self._current = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption" and self._in_caption:
            self._in_caption = False
            if self._current and not self.images[self._current]:
                self.images[self._current] = " ".join("".join(self._caption).split())

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self._caption.append(data)


# Writing records -------------------------------------------------------------


class ArticleImporter:
    """Imports records into the database; one instance per file."""

    def __init__(self, *, base_dir: Path, source: str = DEFAULT_SOURCE, user=None) -> None:
        self.base_dir = base_dir.resolve()
        self.source = source
        self.user = user

    def import_record(self, record: Any, *, dry_run: bool = False) -> ImportResult:
        """Import one record atomically; raise RecordError on bad input."""
        if not isinstance(record, dict):
            raise RecordError(_("The line is not a JSON object."))
        new_files: list[str] = []
        try:
            with transaction.atomic():
                result = self._import(record, new_files)
                result.new_files = new_files
                if dry_run:
                    transaction.set_rollback(True)
        except (RecordError, ValidationError, IntegrityError, OSError) as exc:
            self._discard(new_files)
            if isinstance(exc, ValidationError):
                raise RecordError("; ".join(exc.messages)) from exc
            if isinstance(exc, IntegrityError):
                raise RecordError(_("The database refused the record: %(e)s") % {"e": exc}) from exc
            if isinstance(exc, OSError):
                raise RecordError(str(exc)) from exc
            raise
        except BaseException:
            self._discard(new_files)
            raise
        if dry_run:
            self._discard(new_files)
        return result

    @staticmethod
    def _discard(names: list[str]) -> None:
        for name in names:
            discard_files(name)

    def _import(self, record: dict, new_files: list[str]) -> ImportResult:
        source = _text(record, "source", limit=50) or self.source
        source_id = _text(record, "source_id", required=True, limit=200)
        title = _text(record, "title", required=True, limit=300)
        status_name = _text(record, "status") or "draft"
        if status_name not in IMPORTABLE_STATUSES:
            raise RecordError(
                _("“status” must be “published” or “draft”, not “%(value)s”.")
                % {"value": status_name}
            )
        status = IMPORTABLE_STATUSES[status_name]
        published_at = _published_at(record)
        if status == Article.Status.PUBLISHED and published_at is None:
            raise RecordError(_("A published article needs “published_at”."))
        section_name = _text(record, "section", required=True, limit=120)
        authors = _authors(record)
        slug = _text(record, "slug", limit=220)
        if slug and slugify_vi(slug) != slug:
            raise RecordError(_("“slug” may hold only a-z, 0-9 and “-”: %(s)s") % {"s": slug})

        article = Article.objects.filter(source=source, source_id=source_id).first()
        created = article is None
        if created:
            article = Article(source=source, source_id=source_id, created_by=self.user)
        if slug and Article.objects.filter(slug=slug).exclude(pk=article.pk).exists():
            raise RecordError(_("Another article already uses the slug “%(s)s”.") % {"s": slug})

        article.title = title
        article.slug = slug or article.slug
        article.sapo = _text(record, "sapo")
        article.status = status
        article.published_at = published_at
        article.featured = bool(record.get("featured", False))
        article.section = self._section(section_name)
        article.cover = self._cover(record.get("cover"), new_files)
        article.body = self._body(_text(record, "body_html"), new_files)
        article.updated_by = self.user
        article.full_clean(exclude=["slug", "section", "cover"], validate_unique=False)
        article.save()

        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, author=self._author(name, unit), position=i)
            for i, (name, unit) in enumerate(authors)
        )
        article.tags.set(self._tag(name) for name in _names(record, "tags"))
        article.campaigns.set(
            self._campaign(name, published_at) for name in _names(record, "campaigns")
        )
        return ImportResult(article=article, created=created)

    def _section(self, name: str) -> Section:
        section = Section.objects.filter(name=name).first()
        return section or Section.objects.create(name=name)

    @staticmethod
    def _author(name: str, unit: str) -> Author:
        return Author.objects.get_or_create(name=name, unit=unit)[0]

    @staticmethod
    def _tag(name: str) -> Tag:
        return Tag.objects.get_or_create(name=name[:100])[0]

    @staticmethod
    def _campaign(name: str, published_at: dt.datetime | None) -> Campaign:
        started = timezone.localdate(published_at) if published_at else timezone.localdate()
        return Campaign.objects.get_or_create(name=name[:200], defaults={"starts_on": started})[0]

    def _path(self, relative: str) -> Path:
        """The file named by ``relative``, which must stay inside the import folder."""
        if not relative or Path(relative).is_absolute() or "\x00" in relative:
            raise RecordError(
                _("Image path “%(path)s” must be relative to the file's folder.")
                % {"path": relative}
            )
        path = (self.base_dir / relative).resolve()
        if not path.is_relative_to(self.base_dir):
            raise RecordError(
                _("Image path “%(path)s” leaves the import folder.") % {"path": relative}
            )
        if not path.is_file():
            raise RecordError(_("Image file “%(path)s” was not found.") % {"path": relative})
        return path

    def _image(self, relative: str, new_files: list[str], **metadata: str) -> Image:
        path = self._path(relative)
        try:
            with path.open("rb") as fileobj:
                image, created = add_image(
                    fileobj, original_name=path.name, uploaded_by=self.user, **metadata
                )
        except ValidationError as exc:
            raise RecordError(f"{relative}: {'; '.join(exc.messages)}") from exc
        if created:
            new_files.append(image.file.name)
        else:
            # Fill in what the library lacks; never overwrite another article's caption.
            changed = [k for k, v in metadata.items() if v and not getattr(image, k)]
            for key in changed:
                setattr(image, key, metadata[key])
            if changed:
                image.save(update_fields=changed)
        return image

    def _cover(self, cover: Any, new_files: list[str]) -> Image | None:
        if not cover:
            return None
        if not isinstance(cover, dict) or not isinstance(cover.get("path"), str):
            raise RecordError(_("“cover” needs a “path”."))
        return self._image(
            cover["path"],
            new_files,
            caption=str(cover.get("caption") or "").strip(),
            alt_text=str(cover.get("alt") or "").strip(),
            credit=str(cover.get("credit") or "").strip(),
        )

    def _body(self, html: str, new_files: list[str]) -> str:
        """Sanitise the body, import its images and point their src at the library.

        ``Article.save()`` then links each library image (size, id, alt fallback).
        """
        html = clean_body(html)
        reader = _FigureReader()
        reader.feed(html)
        images = {
            src: self._image(src, new_files, caption=caption)
            for src, caption in reader.images.items()
        }

        def rewrite(match: re.Match) -> str:
            attributes = img_attributes(match.group(1))
            image = images[unescape(attributes.get("src", ""))]
            return f'<img src="{escape(image.file.url)}" alt="{attributes.get("alt", "")}">'

        return clean_body(IMG_TAG.sub(rewrite, html))


def read_records(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed object) for every non-blank line; bad JSON as an error."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, RecordError(_("Invalid JSON: %(e)s") % {"e": exc.msg})


# Export ----------------------------------------------------------------------


class ArticleExporter:
    """Writes articles as JSON Lines with their images in a folder beside the file."""

    def __init__(self, *, path: Path, images_dirname: str | None = None) -> None:
        self.path = path
        self.images_dirname = images_dirname or f"{path.stem}-images"
        self.images_dir = path.parent / self.images_dirname
        self._exported: dict[int, str] = {}

    def export(self, articles) -> int:
        self.images_dir.mkdir(parents=True, exist_ok=True)
        count = 0
        with self.path.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(self.record(article), ensure_ascii=False) + "\n")
                count += 1
        return count

    def _relative(self, image: Image) -> str:
        if image.pk not in self._exported:
            name = f"{image.pk}{Path(image.file.name).suffix}"
            with image.file.open("rb") as src, (self.images_dir / name).open("wb") as dst:
                shutil.copyfileobj(src, dst)
            self._exported[image.pk] = f"{self.images_dirname}/{name}"
        return self._exported[image.pk]

    def _body(self, html: str) -> str:
        ids = {int(i) for i in re.findall(r'data-image-id="(\d+)"', html)}
        images = Image.objects.in_bulk(ids)

        def rewrite(match: re.Match) -> str:
            attributes = img_attributes(match.group(1))
            image = images.get(int(attributes.get("data-image-id") or 0))
            if image is None:
                return match.group(0)
            alt = attributes.get("alt", "")
            return f'<img src="{escape(self._relative(image))}" alt="{alt}">'

        return IMG_TAG.sub(rewrite, html)

    def record(self, article: Article) -> dict[str, Any]:
        cover = article.cover
        return {
            "source": article.source or "newsroom",
            "source_id": article.source_id or str(article.pk),
            "title": article.title,
            "slug": article.slug,
            "sapo": article.sapo,
            "body_html": self._body(article.body),
            "authors": [
                {"name": b.author.name, "unit": b.author.unit} for b in article.bylines.all()
            ],
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "status": "published" if article.status == Article.Status.PUBLISHED else "draft",
            "featured": article.featured,
            "section": article.section.name,
            "tags": [t.name for t in article.tags.all()],
            "campaigns": [c.name for c in article.campaigns.all()],
            "cover": {
                "path": self._relative(cover),
                "caption": cover.caption,
                "alt": cover.alt_text,
                "credit": cover.credit,
            }
            if cover
            else None,
        }
