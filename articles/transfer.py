"""JSON Lines import and export of articles (one JSON object per line; docs/operations.md).

An import goes through the same doors as the desk: photos through the library's upload
service (verified, cleaned, stored once per checksum), bodies through the body module's
allow-list, and the workflow state through ``services.article_import`` — which records the
step in the approval register and never changes behind the desk's back the state of an
article that lives on this site. Each record is imported in its own transaction: a record
that fails leaves nothing behind, not even image files, and the next line is read.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import body, services
from articles.models import Article, Author, Byline, Campaign, Section, Tag
from photos.models import Image
from photos.services import add_image, discard_files
from publishing.models import Status
from vietnamese.slugs import slugify_vi

IMPORTABLE_STATUSES = {"published": Status.PUBLISHED, "draft": Status.DRAFT}
DEFAULT_SOURCE = "import"
# A record deeper than this is refused before it can exhaust the parser.
MAX_DEPTH = 20


class RecordError(Exception):
    """A record that cannot be imported; the message is shown to the operator."""


@dataclass
class ImportResult:
    article: Article | None
    outcome: str  # "created", "updated" or "skipped"
    note: str = ""
    new_files: list[str] = field(default_factory=list)


# Reading records -------------------------------------------------------------


def read_records(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) for every non-blank line; a bad line as a RecordError.

    The file is read line by line as bytes, so that a line that is not UTF-8, not JSON,
    nested too deep or carrying a NUL character is reported alone and the rest is read.
    """
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            yield number, _parse_line(raw)


def _parse_line(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(
            _("The line is not UTF-8 text (byte %(at)s); save the file as UTF-8.")
            % {"at": exc.start + 1}
        )
    if _nesting(text) > MAX_DEPTH:
        return RecordError(
            _("The record is nested more than %(depth)s levels deep.") % {"depth": MAX_DEPTH}
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(_("Invalid JSON: %(e)s") % {"e": exc.msg})
    if _holds_nul(record):
        return RecordError(
            _("The record contains a NUL character (\\u0000), which text cannot hold.")
        )
    return record


def _nesting(text: str) -> int:
    """How deep the brackets of a JSON text go (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


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


def _flag(record: dict, key: str) -> bool:
    value = record.get(key, False)
    if not isinstance(value, bool):
        raise RecordError(
            _("“%(field)s” must be true or false (without quotes), not %(value)s.")
            % {"field": key, "value": json.dumps(value, ensure_ascii=False)}
        )
    return value


def _names(record: dict, key: str, *, limit: int) -> list[str]:
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(_("“%(field)s” must be a list of names.") % {"field": key})
    names = list(dict.fromkeys(v.strip() for v in value if v.strip()))
    for name in names:
        if len(name) > limit:
            raise RecordError(
                _("A name in “%(field)s” is longer than %(limit)s characters: “%(name)s”.")
                % {"field": key, "limit": limit, "name": name}
            )
    return names


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
        unit = item.get("unit") or ""
        if not isinstance(unit, str):
            raise RecordError(_("An author's “unit” must be text."))
        name, unit = item["name"].strip(), unit.strip()
        if not name:
            raise RecordError(_("An author's name is empty."))
        if len(name) > 120 or len(unit) > 200:
            raise RecordError(
                _("An author's name (120 characters at most) or unit (200) is too long: %(who)s")
                % {"who": name}
            )
        authors.append((name, unit))
    return list(dict.fromkeys(authors))


# Writing records -------------------------------------------------------------


class ArticleImporter:
    """Imports records into the database for ``by``; one instance per file.

    ``force`` lets an administrator bring back an article that was taken down or archived
    on this site (the register says so); otherwise such an article is skipped.
    """

    def __init__(
        self, *, base_dir: Path, by, source: str = DEFAULT_SOURCE, force: bool = False
    ) -> None:
        self.base_dir = base_dir.resolve()
        self.source = source
        self.by = by
        self.force = force

    def import_record(self, record: Any, *, dry_run: bool = False) -> ImportResult:
        """Import one record atomically; raise RecordError on bad input."""
        if isinstance(record, RecordError):
            raise record
        if not isinstance(record, dict):
            raise RecordError(_("The line is not a JSON object."))
        new_files: list[str] = []
        try:
            with transaction.atomic():
                result = self._import(record, new_files)
                result.new_files = new_files
                if dry_run or result.outcome == "skipped":
                    transaction.set_rollback(True)
        except BaseException as exc:
            self._discard(new_files)
            raise _as_record_error(exc) from exc
        if dry_run or result.outcome == "skipped":
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
        if status == Status.PUBLISHED and published_at is None:
            raise RecordError(_("A published article needs “published_at”."))
        section_name = _text(record, "section", required=True, limit=120)
        authors = _authors(record)
        tags = _names(record, "tags", limit=100)
        campaigns = _names(record, "campaigns", limit=200)
        featured = _flag(record, "featured")
        sapo = _text(record, "sapo")
        slug = _text(record, "slug", limit=220)
        if slug and slugify_vi(slug) != slug:
            raise RecordError(_("“slug” may hold only a-z, 0-9 and “-”: %(s)s") % {"s": slug})

        article = Article.objects.filter(source=source, source_id=source_id).first()
        created = article is None
        if created:
            article = Article(source=source, source_id=source_id, created_by=self.by)
        skipped = services.import_refusal(article=article, by=self.by, force=self.force)
        if skipped:
            return ImportResult(article=article, outcome="skipped", note=skipped)
        if slug and Article.objects.filter(slug=slug).exclude(pk=article.pk).exists():
            raise RecordError(_("Another article already uses the slug “%(s)s”.") % {"s": slug})

        article.title = title
        article.slug = slug or article.slug
        article.sapo = sapo
        article.featured = featured
        article.published_at = published_at or article.published_at
        article.section = self._section(section_name)
        article.cover = self._cover(record.get("cover"), new_files)
        article.body = self._body(_text(record, "body_html"), new_files)
        article.updated_by = self.by
        article.full_clean(exclude=["slug", "section", "cover", "status"], validate_unique=False)
        services.article_import(
            article=article,
            status=status,
            published_at=published_at,
            by=self.by,
            force=self.force,
            note=f"{source}:{source_id}",
        )
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, author=self._author(name, unit), position=i)
            for i, (name, unit) in enumerate(authors)
        )
        article.tags.set(Tag.objects.get_or_create(name=name)[0] for name in tags)
        article.campaigns.set(self._campaign(name, published_at) for name in campaigns)
        return ImportResult(article=article, outcome="created" if created else "updated")

    @staticmethod
    def _section(name: str) -> Section:
        section = Section.objects.filter(name=name).first()
        return section or Section.objects.create(name=name)

    @staticmethod
    def _author(name: str, unit: str) -> Author:
        return Author.objects.get_or_create(name=name, unit=unit)[0]

    @staticmethod
    def _campaign(name: str, published_at: dt.datetime | None) -> Campaign:
        started = timezone.localdate(published_at) if published_at else timezone.localdate()
        return Campaign.objects.get_or_create(name=name, defaults={"starts_on": started})[0]

    def _path(self, relative: str) -> Path:
        """The file named by ``relative``, which must stay inside the import folder."""
        if not relative:
            raise RecordError(_("An image in the body has no address (src)."))
        if Path(relative).is_absolute() or ":" in relative.split("/")[0]:
            raise RecordError(
                _("Image “%(path)s” must be a file shipped with the record (a relative path).")
                % {"path": relative[:80]}
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
                    fileobj, original_name=path.name, uploaded_by=self.by, **metadata
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
        metadata = {key: cover.get(name) or "" for key, name in _COVER_FIELDS.items()}
        if not all(isinstance(v, str) for v in metadata.values()):
            raise RecordError(_("The cover's caption, alt text and credit must be text."))
        return self._image(cover["path"], new_files, **{k: v.strip() for k, v in metadata.items()})

    def _body(self, html: str, new_files: list[str]) -> str:
        """The body cleaned, with each image imported into the library and pointed at it.

        Every image must be a file shipped with the record: an address the allow-list
        would drop (``javascript:``, ``data:``) or none at all refuses the record.
        """
        images = {
            src: self._image(src, new_files, caption=caption)
            for src, caption in body.images_with_captions(html)
        }
        return body.clean(html, image_source=lambda src: _url(images.get(src)))


_COVER_FIELDS = {"caption": "caption", "alt_text": "alt", "credit": "credit"}


def _url(image: Image | None) -> str | None:
    # An image the HTML parsers read differently (inside broken markup) is dropped.
    return image.file.url if image is not None else None


def _as_record_error(exc: BaseException) -> BaseException:
    """What the operator is told about a record that failed (anything else goes up)."""
    if isinstance(exc, RecordError):
        return exc
    if isinstance(exc, ValidationError):
        return RecordError("; ".join(exc.messages))
    if isinstance(exc, PermissionDenied):
        return RecordError(str(exc) or _("You do not have the right to do this."))
    if isinstance(exc, IntegrityError | DatabaseError):
        return RecordError(_("The database refused the record: %(e)s") % {"e": exc})
    if isinstance(exc, OSError):
        return RecordError(str(exc))
    return exc


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
        images = Image.objects.in_bulk(body.image_ids(html))

        def shipped(attributes: dict[str, str]) -> dict[str, str]:
            image_id = attributes.get("data-image-id", "")
            image = images.get(int(image_id)) if image_id.isdigit() else None
            if image is None:
                return attributes
            return {"src": self._relative(image), "alt": attributes.get("alt", "")}

        return body.retarget_images(html, shipped)

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
            "status": "published" if article.status == Status.PUBLISHED else "draft",
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
