"""One pass of an import: the plan (dry run), the items one transaction each, the journal,
the progress line, the report, the old links.

Every write goes through the doors the desk uses: ``articles.transfer.ArticleImporter``
(the body sanitiser, ``services.article_import`` with its approval register and revision),
the photo library's ``add_image`` (verified, upright, GPS stripped, once per SHA-256).
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from articles import body
from articles.models import Article, GalleryItem
from articles.transfer import ArticleImporter, RecordError
from imports.items import plan_label
from imports.mapping import Mapping
from imports.media import MediaError, MediaFetcher
from imports.models import ImportedMedia, ImportItem, ImportRun, Redirect
from imports.redirects import address_key, rewrite_body_links
from photos.models import Image
from photos.services import add_image, discard_files
from vietnamese.slugs import slugify_vi

MISSING_MEDIA = ("drop", "link")


@dataclass
class Plan:
    kinds: Counter = field(default_factory=Counter)
    targets: Counter = field(default_factory=Counter)
    authors: dict[str, str] = field(default_factory=dict)  # old → new ("" unmapped)
    unmapped_authors: Counter = field(default_factory=Counter)
    sections: dict[str, tuple[str, bool]] = field(default_factory=dict)
    shortcodes: Counter = field(default_factory=Counter)
    missing_media: list[tuple[str, str, str]] = field(default_factory=list)  # item, url, why
    slug_clashes: list[tuple[str, str]] = field(default_factory=list)  # item, slug
    notes: Counter = field(default_factory=Counter)
    changes: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [_("Items by kind:")]
        out += [f"  {k}: {v}" for k, v in sorted(self.kinds.items())]
        out.append(_("What they become:"))
        out += [f"  {plan_label(k)}: {v}" for k, v in sorted(self.targets.items())]
        out.append(_("Against this site's journal:"))
        out += [f"  {plan_label(k)}: {v}" for k, v in sorted(self.changes.items())]
        out.append(_("Authors:"))
        unmapped = _("NOT MAPPED: its items will be refused")
        for old, new in sorted(self.authors.items()):
            out.append(f"  {old} → {new or unmapped}")
        out.append(_("Sections:"))
        for old, (new, mapped) in sorted(self.sections.items()):
            out.append(
                f"  {old} → {new}" + ("" if mapped else " " + _("(not in the mapping file)"))
            )
        if self.shortcodes:
            out.append(_("Unknown shortcodes (their tags removed, their text kept):"))
            out += [f"  [{k}]: {v}" for k, v in sorted(self.shortcodes.items())]
        if self.notes:
            out.append(_("Notes:"))
            out += [f"  {k}: {v}" for k, v in sorted(self.notes.items())]
        out.append(_("Missing media: %(n)s") % {"n": len(self.missing_media)})
        out += [f"  {item}: {url} — {why}" for item, url, why in self.missing_media[:200]]
        out.append(_("Slug clashes: %(n)s") % {"n": len(self.slug_clashes)})
        out += [f"  {item}: {slug}" for item, slug in self.slug_clashes[:200]]
        return out


class Progress:
    """A steady line: items done, items per second, time left (every ``every`` seconds)."""

    def __init__(self, total: int, out: TextIO, every: float = 2.0, on_tick=None) -> None:
        self.total, self.out, self.every, self.on_tick = total, out, every, on_tick
        self.started = self.last = time.monotonic()
        self.done = 0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= self.every or self.done == self.total:
            self.last = now
            self.out.write(self.line(now) + "\n")
            self.out.flush()
            if self.on_tick:
                self.on_tick()

    def rate(self, now: float | None = None) -> float:
        elapsed = (now or time.monotonic()) - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, now: float | None = None) -> str:
        rate = self.rate(now)
        left = (self.total - self.done) / rate if rate else 0
        minutes, seconds = divmod(int(left), 60)
        return _("%(done)s/%(total)s items, %(rate)s items/s, %(m)d:%(s)02d left") % {
            "done": number_format(self.done, force_grouping=True),
            "total": number_format(self.total, force_grouping=True),
            "rate": number_format(rate, 1),
            "m": minutes,
            "s": seconds,
        }


class _ArchiveArticles(ArticleImporter):
    """The JSON Lines importer, with photos read from the old portal's addresses."""

    def __init__(self, *, engine: Engine, **kwargs) -> None:
        super().__init__(base_dir=Path("."), **kwargs)
        self.engine = engine
        self.item_failures: list[tuple[str, str]] = []

    def _image(self, relative: str, new_files: list[str], **metadata: str) -> Image:
        return self.engine.image_for(relative, new_files, **metadata)

    def _cover(self, cover: Any, new_files: list[str]) -> Image | None:
        if not cover:
            return None
        try:
            return self._image(cover["path"], new_files)
        except MediaError as exc:
            self.item_failures.append((cover["path"], str(exc)))
            return None

    def _body(self, html: str, new_files: list[str]) -> str:
        kept: dict[str, str | None] = {}
        for src, caption in body.images_with_captions(html):
            try:
                kept[src] = self._image(src, new_files, caption=caption).file.url
            except MediaError as exc:
                self.item_failures.append((src, str(exc)))
                link = self.engine.missing_media == "link"
                kept[src] = self.engine.media.absolute(src) if link else None
        return body.clean(html, image_source=lambda src: kept.get(src))


class Engine:
    def __init__(
        self,
        *,
        reader,
        source: str,
        by,
        mapping: Mapping,
        media: MediaFetcher,
        run: ImportRun | None = None,
        missing_media: str = "drop",
        out: TextIO | None = None,
        report_path: Path | None = None,
        resume: bool = False,
        progress_every: float = 2.0,
        after_item: Callable[[int], None] | None = None,
    ) -> None:
        self.reader = reader
        self.source = source
        self.by = by
        self.mapping = mapping
        self.media = media
        self.run_row = run
        self.missing_media = missing_media
        self.out = out or sys.stderr
        self.report_path = report_path
        self.resume = resume
        self.progress_every = progress_every
        self.after_item = after_item
        self.counts: Counter = Counter()
        self.rows: list[list[str]] = []
        self._media_cache: dict[str, int] = {}

    # Mapping -----------------------------------------------------------------------

    def mapped(self, item) -> dict:
        """What the mapping files make of ``item`` (part of its hash)."""
        authors = [self.mapping.author(a) for a in item.authors]
        section, _mapped = self.section_for(item)
        return {
            "authors": [list(a) if a else None for a in authors],
            "section": section,
            "tags": [t for t in (self.mapping.tag(t) for t in item.tags) if t],
            "missing_media": self.missing_media,
        }

    def section_for(self, item) -> tuple[str, bool]:
        """The first of the item's sections the mapping file knows (a NukeViet item lists
        its category, then the category's parents), else the first one's own name."""
        names = getattr(self.reader, "categories", {})
        if not item.sections:
            return self.mapping.default_section, False
        for old in item.sections:
            new, mapped = self.mapping.section(old, names.get(old, ""))
            if mapped:
                return new, True
        return self.mapping.section(item.sections[0], names.get(item.sections[0], ""))

    def refusal(self, item, mapped: dict) -> str:
        if item.kind == "attachment" or item.target == "gone":
            return ""
        unmapped = [
            old for old, new in zip(item.authors, mapped["authors"], strict=True) if not new
        ]
        if unmapped:
            return _("author not in the mapping file: %(a)s") % {"a": ", ".join(unmapped)}
        if not item.authors:
            return _("the item has no author, and none may be assumed")
        return ""

    # Dry run -----------------------------------------------------------------------

    def plan(self) -> Plan:
        """Read everything, write nothing (database or storage), say what would happen."""
        plan = Plan()
        slugs: dict[str, str] = {}
        journal = dict(
            ImportItem.objects.filter(source=self.source).values_list("old_id", "content_hash")
        )
        for item in self.reader.items():
            mapped = self.mapped(item)
            plan.kinds[item.kind] += 1
            old_hash = journal.get(self.old_id(item))
            new_hash = item.content_hash(mapped)
            plan.changes[
                "new" if old_hash is None else ("unchanged" if old_hash == new_hash else "changed")
            ] += 1
            for note in item.notes:
                plan.notes[note] += 1
            if item.kind == "attachment":
                plan.targets["photo"] += 1
                self._plan_media(plan, item, item.media_url)
                continue
            plan.targets[item.target] += 1
            for old, new in zip(item.authors, mapped["authors"], strict=True):
                plan.authors[old] = f"{new[0]} ({new[1]})" if new and new[1] else (new or [""])[0]
                if not new:
                    plan.unmapped_authors[old] += 1
            if not item.authors:
                plan.authors["—"] = ""
            for old in item.sections[:1]:
                plan.sections[old] = self.section_for(item)
            for code in item.unknown_shortcodes:
                plan.shortcodes[code] += 1
            if item.target == "gone":
                continue
            for url in [item.cover_url, *(u for u, _c in item.gallery)]:
                self._plan_media(plan, item, url)
            for src, _caption in body.images_with_captions(item.body_html):
                self._plan_media(plan, item, src)
            if old_hash is None:
                slug = slugify_vi(item.slug or item.title)[:220]
                taken = slug in slugs or Article.objects.filter(slug=slug).exists()
                if slug and taken:
                    plan.slug_clashes.append((self.old_id(item), slug))
                slugs[slug] = item.old_id
        return plan

    def _plan_media(self, plan: Plan, item, url: str) -> None:
        if not url:
            return
        why = self.media.check(url)
        if why:
            plan.missing_media.append((self.old_id(item), url, why))

    # The import --------------------------------------------------------------------

    @staticmethod
    def old_id(item) -> str:
        return f"{item.kind}:{item.old_id}" if item.kind in {"attachment", "page"} else item.old_id

    def run(self, items: Iterable | None = None) -> Counter:
        total = getattr(self.reader, "total", 0)
        run = self.run_row
        if run is not None:
            ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING, total=total)
        progress = Progress(total, self.out, self.progress_every, on_tick=self._save_counts)
        for item in items if items is not None else self.reader.items():
            self.one(item)
            progress.step()
            if self.after_item:
                self.after_item(progress.done)
        self.rewrite_links()
        if progress.done != progress.total:
            self.out.write(progress.line() + "\n")
        self._save_counts(final=True)
        self.write_report()
        return self.counts

    def _save_counts(self, final: bool = False) -> None:
        if self.run_row is None:
            return
        fields = {
            k: self.counts[k] for k in ("created", "updated", "unchanged", "skipped", "failed")
        }
        fields["processed"] = sum(fields.values())
        if final:
            fields.update(state=ImportRun.State.DONE, finished_at=timezone.now(), message="")
            fields["report"] = str(self.report_path or "")
        ImportRun.objects.filter(pk=self.run_row.pk).update(**fields)

    def one(self, item) -> str:
        old_id = self.old_id(item)
        mapped = self.mapped(item)
        content_hash = item.content_hash(mapped)
        known = (
            ImportItem.objects.filter(source=self.source, old_id=old_id)
            .select_related("article")
            .first()
        )
        if (
            known is not None
            and known.content_hash == content_hash
            and known.outcome
            in (
                ImportItem.Outcome.CREATED,
                ImportItem.Outcome.UPDATED,
                ImportItem.Outcome.UNCHANGED,
            )
        ):
            outcome = known.outcome
            if not (self.resume and self.run_row and known.run_id == self.run_row.pk):
                outcome = ImportItem.Outcome.UNCHANGED
            return self._count(item, outcome, known.note, known.article)
        refusal = self.refusal(item, mapped)
        if refusal:
            self._journal(item, content_hash, ImportItem.Outcome.FAILED, refusal)
            return self._count(item, ImportItem.Outcome.FAILED, refusal)
        new_files: list[str] = []
        try:
            with transaction.atomic():
                outcome, note, article, image = self._write(item, mapped, known, new_files)
                self._journal(item, content_hash, outcome, note, article=article, image=image)
        except (RecordError, MediaError, ValidationError) as exc:
            for name in new_files:
                discard_files(name)
            note = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            self._journal(item, content_hash, ImportItem.Outcome.FAILED, note)
            return self._count(item, ImportItem.Outcome.FAILED, note)
        except BaseException:
            for name in new_files:
                discard_files(name)
            raise
        return self._count(item, outcome, note, article)

    def _journal(self, item, content_hash, outcome, note, *, article=None, image=None) -> None:
        ImportItem.objects.update_or_create(
            source=self.source,
            old_id=self.old_id(item),
            defaults={
                "kind": item.kind,
                "content_hash": content_hash,
                "outcome": outcome,
                "note": note[:2000],
                "article": article,
                "image": image,
                "run": self.run_row,
            },
        )

    def _count(self, item, outcome: str, note: str = "", article=None) -> str:
        self.counts[outcome] += 1
        url = article.get_absolute_url() if article is not None and article.slug else ""
        self.rows.append([self.old_id(item), item.kind, item.title[:200], outcome, note, url])
        return outcome

    def _write(self, item, mapped: dict, known, new_files: list[str]):
        if item.kind == "attachment":
            image = self.image_for(
                item.media_url, new_files, caption=item.caption, alt_text=item.alt
            )
            return ImportItem.Outcome.CREATED if known is None else "updated", "", None, image
        if item.target == "gone":
            for url in item.old_urls:
                self._redirect(url, None, gone=True)
            return ImportItem.Outcome.SKIPPED, item.notes[-1] if item.notes else "", None, None
        importer = _ArchiveArticles(engine=self, by=self.by, source=self.source)
        record = {
            "source": self.source,
            "source_id": self.old_id(item),
            "title": item.title or _("(untitled)"),
            "sapo": item.sapo,
            "body_html": item.body_html,
            "authors": [{"name": n, "unit": u} for n, u in mapped["authors"]],
            "published_at": item.published_at.isoformat() if item.published_at else None,
            "status": "published" if item.target == "published" else "draft",
            "section": mapped["section"][:120],
            "tags": [t[:100] for t in mapped["tags"]],
            "campaigns": item.campaigns,
            "cover": {"path": item.cover_url} if item.cover_url else None,
        }
        if item.target == "published" and not item.published_at:
            raise RecordError(_("A published item without a date."))
        exists = Article.objects.filter(source=self.source, source_id=self.old_id(item)).exists()
        if not exists:
            slug = slugify_vi(item.slug or "")[:220]
            if slug and not Article.objects.filter(slug=slug).exists():
                record["slug"] = slug
        result = importer.import_record(record)
        new_files.extend(result.new_files)
        article = result.article
        if result.outcome == "skipped":
            return ImportItem.Outcome.SKIPPED, result.note, article, None
        self._gallery(article, item, new_files, importer)
        for url in item.old_urls:
            self._redirect(url, article)
        notes = list(item.notes)
        for url, why in importer.item_failures:
            kept = _("kept as a link") if self.missing_media == "link" else _("dropped")
            notes.append(
                _("photo %(url)s: %(why)s (%(kept)s)") % {"url": url, "why": why, "kept": kept}
            )
        return result.outcome, "; ".join(notes), article, None

    def _gallery(self, article: Article, item, new_files: list[str], importer) -> None:
        if not item.gallery:
            return
        images = []
        for url, caption in item.gallery:
            try:
                image = self.image_for(url, new_files)
            except MediaError as exc:
                importer.item_failures.append((url, str(exc)))
                continue
            if image.pk not in {i.pk for i, _c in images}:
                images.append((image, caption))
        GalleryItem.objects.filter(article=article).delete()
        GalleryItem.objects.bulk_create(
            GalleryItem(article=article, image=image, position=i, caption=caption[:500])
            for i, (image, caption) in enumerate(images)
        )

    def image_for(self, url: str, new_files: list[str], **metadata: str) -> Image:
        """The library photo for an old address: read once, stored once per SHA-256."""
        url = self.media.absolute(url)
        known = (
            ImportedMedia.objects.filter(source=self.source, url=url[:1000])
            .select_related("image")
            .first()
        )
        if known is not None:
            return known.image
        data, name = self.media.read(url)
        try:
            image, created = add_image(
                BytesIO(data),
                original_name=name,
                uploaded_by=self.by,
                **{k: v for k, v in metadata.items() if v},
            )
        except ValidationError as exc:
            raise MediaError("; ".join(exc.messages)) from exc
        if created:
            new_files.append(image.file.name)
        ImportedMedia.objects.create(source=self.source, url=url[:1000], image=image)
        return image

    def _redirect(self, url: str, article: Article | None, *, gone: bool = False) -> None:
        host, key = address_key(url)
        if not key or key == "/":
            return
        Redirect.objects.update_or_create(
            host=host,
            old_path=key,
            defaults={"article": article, "gone": gone, "source": self.source, "target": ""},
        )

    # After the import --------------------------------------------------------------

    def rewrite_links(self) -> int:
        """Links between old articles, inside bodies, pointed at their new addresses."""
        changed = 0
        articles = Article.objects.filter(source=self.source).only("pk", "body")
        for article in articles.iterator(chunk_size=200):
            new_body = rewrite_body_links(article.body)
            if new_body != article.body:
                Article.objects.filter(pk=article.pk).update(body=new_body)
                changed += 1
        return changed

    def write_report(self) -> None:
        if self.report_path is None:
            return
        self.report_path.parent.mkdir(parents=True, exist_ok=True)
        with self.report_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["old_id", "kind", "title", "outcome", "reason", "new_url"])
            writer.writerows(self.rows)
