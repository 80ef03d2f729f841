"""JSON Lines export and import of legal documents (one JSON object per line), like
articles' (articles/transfer.py; docs/operations.md).

A record carries the document's fields, its links (by the other document's number and
issuer), the articles citing it (by their slug) and its files, shipped in a folder beside
the file. An import goes through the same services as the desk and the spreadsheet:
idempotent on the number and issuer, each record in its own transaction, files verified
(documents.files); a record that fails leaves nothing behind and the next line is read.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from articles.models import Article
from articles.transfer import RecordError, read_records
from documents import services
from documents.models import Document, DocumentLink, DocumentType, Field, Issuer, Scope
from documents.numbers import number_key
from documents.validity import Validity
from publishing.models import Status

__all__ = ["DocumentExporter", "DocumentImporter", "RecordError", "read_records"]


@dataclass
class Result:
    document: Document | None
    outcome: str  # "created", "updated" or "skipped"
    note: str = ""
    new_files: list[str] = field(default_factory=list)


def _text(record: dict, key: str, *, required: bool = False, limit: int | None = None) -> str:
    value = record.get(key) or ""
    if not isinstance(value, str):
        raise RecordError(_("“%(field)s” must be text.") % {"field": key})
    value = value.strip()
    if required and not value:
        raise RecordError(_("“%(field)s” is missing.") % {"field": key})
    if limit and len(value) > limit:
        raise RecordError(
            _("“%(field)s” is longer than %(limit)s characters.") % {"field": key, "limit": limit}
        )
    return value


def _date(record: dict, key: str, *, required: bool = False) -> dt.date | None:
    raw = _text(record, key, required=required)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise RecordError(
            _("“%(field)s” is not a date (YYYY-MM-DD): %(value)s") % {"field": key, "value": raw}
        ) from None


class DocumentImporter:
    def __init__(self, *, base_dir: Path, by) -> None:
        self.base_dir = base_dir.resolve()
        self.by = by
        self._links: list[tuple[Document, list[dict]]] = []

    def import_record(self, record: Any, *, dry_run: bool = False) -> Result:
        if isinstance(record, RecordError):
            raise record
        if not isinstance(record, dict):
            raise RecordError(_("The line is not a JSON object."))
        new_files: list[str] = []
        try:
            with transaction.atomic():
                result = self._import(record, new_files)
                if dry_run or result.outcome == "skipped":
                    transaction.set_rollback(True)
        except (RecordError, ValidationError, PermissionDenied, DatabaseError, OSError) as exc:
            for name in new_files:
                services.discard_file(name)
            if isinstance(exc, RecordError):
                raise
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise RecordError(message or _("You do not have the right to do this.")) from exc
        if dry_run:
            for name in new_files:
                services.discard_file(name)
        elif result.document is not None and record.get("links"):
            self._links.append((result.document, record["links"]))
        return result

    def link_all(self) -> None:
        """Links once every record is in (a record may name one further down)."""
        for document, links in self._links:
            for link in links if isinstance(links, list) else []:
                if not isinstance(link, dict) or link.get("kind") not in dict(
                    DocumentLink.Kind.choices
                ):
                    continue
                target = Document.objects.filter(
                    number_key=number_key(str(link.get("number", ""))),
                    issuer__name=str(link.get("issuer", "")),
                ).first()
                if target is not None and target.pk != document.pk:
                    services.link_add(source=document, kind=link["kind"], target=target, by=self.by)

    def _import(self, record: dict, new_files: list[str]) -> Result:
        number = _text(record, "number", required=True, limit=80)
        issuer = Issuer.objects.get_or_create(
            name=_text(record, "issuer", required=True, limit=200)
        )[0]
        doc_type = DocumentType.objects.get_or_create(
            name=_text(record, "type", required=True, limit=200)
        )[0]
        field_name = _text(record, "field", limit=200)
        scope = _text(record, "scope") or Scope.NATIONAL
        if scope not in Scope.values:
            raise RecordError(_("Unknown scope “%(value)s”.") % {"value": scope})
        override = _text(record, "status_override")
        if override and override not in Validity.values:
            raise RecordError(_("Unknown status “%(value)s”.") % {"value": override})
        status = _text(record, "status") or "draft"
        if status not in ("draft", "published"):
            raise RecordError(_("“status” must be “published” or “draft”."))
        document = services.find_existing(number_key=number_key(number), issuer_id=issuer.pk)
        created = document is None
        document = document or Document(issuer=issuer)
        refusal = services.import_refusal(document=document, by=self.by)
        if refusal:
            return Result(document, "skipped", refusal)
        document.number = number
        document.summary = _text(record, "summary", required=True)
        document.doc_type = doc_type
        document.field = Field.objects.get_or_create(name=field_name)[0] if field_name else None
        document.scope = scope
        document.signer_title = _text(record, "signer_title", limit=200)
        document.signer_name = _text(record, "signer_name", limit=120)
        document.issued_on = _date(record, "issued_on", required=True)
        document.effective_from = _date(record, "effective_from")
        document.expires_on = _date(record, "expires_on")
        document.validity_override = override
        document.validity_reason = _text(record, "status_reason")
        document.full_clean(exclude=["slug", "number_key"], validate_unique=False)
        services.document_import(
            document=document,
            publish=status == "published",
            by=self.by,
            note=_("JSON Lines"),
        )
        for item in record.get("files") or []:
            path = self._path(item.get("path", "") if isinstance(item, dict) else "")
            data = path.read_bytes()
            inspected_checksum = services.checksum_of(data)
            if document.attachments.filter(checksum=inspected_checksum).exists():
                continue
            attachment = services.attachment_add(
                document=document,
                data=data,
                original_name=str(item.get("name") or path.name),
                title=str(item.get("title") or ""),
                by=self.by,
            )
            new_files.append(attachment.file.name)
        slugs = [s for s in record.get("articles") or [] if isinstance(s, str)]
        if slugs:
            document.articles.add(*Article.objects.filter(slug__in=slugs))
        return Result(document, "created" if created else "updated")

    def _path(self, relative: str) -> Path:
        if not relative or Path(relative).is_absolute():
            raise RecordError(_("A file must be shipped with the record (a relative path)."))
        path = (self.base_dir / relative).resolve()
        if not path.is_relative_to(self.base_dir):
            raise RecordError(
                _("File path “%(path)s” leaves the import folder.") % {"path": relative}
            )
        if not path.is_file():
            raise RecordError(_("File “%(path)s” was not found.") % {"path": relative})
        return path


class DocumentExporter:
    """Writes documents as JSON Lines, their files in a folder beside the file."""

    def __init__(self, *, path: Path) -> None:
        self.path = path
        self.files_dirname = f"{path.stem}-files"
        self.files_dir = path.parent / self.files_dirname

    def export(self, documents) -> int:
        self.files_dir.mkdir(parents=True, exist_ok=True)
        count = 0
        with self.path.open("w", encoding="utf-8") as out:
            for document in documents:
                out.write(json.dumps(self.record(document), ensure_ascii=False) + "\n")
                count += 1
        return count

    def record(self, document: Document) -> dict[str, Any]:
        files = []
        for attachment in document.attachments.all():
            name = f"{attachment.pk}.{attachment.kind}"
            with attachment.file.open("rb") as src, (self.files_dir / name).open("wb") as dst:
                shutil.copyfileobj(src, dst)
            files.append(
                {
                    "path": f"{self.files_dirname}/{name}",
                    "name": attachment.original_name,
                    "title": attachment.title,
                }
            )
        return {
            "number": document.number,
            "type": document.doc_type.name,
            "issuer": document.issuer.name,
            "summary": document.summary,
            "field": document.field.name if document.field else "",
            "scope": document.scope,
            "signer_title": document.signer_title,
            "signer_name": document.signer_name,
            "issued_on": document.issued_on.isoformat(),
            "effective_from": document.effective_from.isoformat()
            if document.effective_from
            else "",
            "expires_on": document.expires_on.isoformat() if document.expires_on else "",
            "status_override": document.validity_override,
            "status_reason": document.validity_reason,
            "status": "published" if document.status == Status.PUBLISHED else "draft",
            "links": [
                {"kind": link.kind, "number": link.target.number, "issuer": link.target.issuer.name}
                for link in document.links_out.all()
            ],
            "articles": [article.slug for article in document.articles.all()],
            "files": files,
        }
