"""Import of legal documents from a spreadsheet (CSV or XLSX), one document a row.

The columns are those portals list documents by, named in Vietnamese (diacritics and case
optional) or in English: Số ký hiệu, Loại văn bản, Cơ quan ban hành, Trích yếu, Ngày ban
hành, Ngày có hiệu lực, Ngày hết hiệu lực, Lĩnh vực, Phạm vi, Chức danh, Người ký, Tình
trạng, Lý do, Tệp, and the links Hướng dẫn / Sửa đổi / Thay thế / Bãi bỏ (numbers of other
documents, separated by “;”). See docs/operations.md.

The import is idempotent on the normalised number and the issuer: a second run updates
the same documents. Every row goes through the services the desk uses (a new document is
a draft, or published with ``publish`` by someone who may publish; the step is recorded),
in its own transaction: a refused row leaves nothing behind and is reported with its line
number and reason; the others are imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from documents import services
from documents.models import Document, DocumentLink, DocumentType, Field, Issuer, Scope
from documents.numbers import clean_number, number_key
from documents.validity import Validity
from vietnamese.text import fold_accents

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024

# Folded header → field. Vietnamese as portals write it, and English.
COLUMNS = {
    "so ky hieu": "number", "so hieu": "number", "ky hieu": "number", "number": "number",
    "loai van ban": "doc_type", "loai": "doc_type", "type": "doc_type",
    "co quan ban hanh": "issuer", "noi ban hanh": "issuer", "issuer": "issuer",
    "trich yeu": "summary", "summary": "summary",
    "ngay ban hanh": "issued_on", "issued on": "issued_on",
    "ngay co hieu luc": "effective_from", "ngay hieu luc": "effective_from",
    "effective from": "effective_from",
    "ngay het hieu luc": "expires_on", "expires on": "expires_on",
    "linh vuc": "field", "field": "field",
    "pham vi": "scope", "scope": "scope",
    "chuc danh": "signer_title", "chuc danh nguoi ky": "signer_title",
    "signer title": "signer_title",
    "nguoi ky": "signer_name", "signed by": "signer_name",
    "tinh trang": "validity", "tinh trang hieu luc": "validity", "status": "validity",
    "ly do": "validity_reason", "reason": "validity_reason",
    "tep": "files", "tep dinh kem": "files", "files": "files",
    "huong dan": "guides", "guides": "guides",
    "sua doi": "amends", "sua doi bo sung": "amends", "amends": "amends",
    "thay the": "replaces", "replaces": "replaces",
    "bai bo": "repeals", "repeals": "repeals",
}  # fmt: skip
REQUIRED = ("number", "doc_type", "issuer", "summary", "issued_on")
LINKS = {
    "guides": DocumentLink.Kind.GUIDES,
    "amends": DocumentLink.Kind.AMENDS,
    "replaces": DocumentLink.Kind.REPLACES,
    "repeals": DocumentLink.Kind.REPEALS,
}
SCOPES = {fold_accents(str(s.label)): s for s in Scope} | {
    "toan quoc": Scope.NATIONAL,
    "dia phuong": Scope.PROVINCE,
    "toan tinh": Scope.PROVINCE,
    "noi bo": Scope.FORCE,
    "noi bo nganh cong an": Scope.FORCE,
    **{s.value: s for s in Scope},
}
STATUSES = {
    "chua co hieu luc": Validity.PENDING,
    "con hieu luc": Validity.IN_FORCE,
    "het hieu luc mot phan": Validity.PARTIAL,
    "het hieu luc": Validity.EXPIRED,
    "het hieu luc toan bo": Validity.EXPIRED,
    **{fold_accents(str(s.label)): s for s in Validity},
    **{s.value: s for s in Validity},
}


class RowError(Exception):
    """A row that cannot be imported; the message is shown with its line number."""


class Skipped(Exception):
    """A row left alone on purpose (the desk took the document down or archived it)."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)
    skipped_lines: list[tuple[int, str]] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused

    def lines(self) -> list[str]:
        return [
            _("Line %(line)s: %(reason)s") % {"line": n, "reason": r} if n else r
            for n, r in self.refused
        ]


# Reading ----------------------------------------------------------------------------


def read_rows(data: bytes, name: str) -> Iterator[tuple[int, dict[str, object]]]:
    """(line number, {field: value}) for each row with something in it."""
    if len(data) > MAX_BYTES:
        raise RowError(_("The file is larger than 20 MB."))
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(data)
    elif name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise RowError(_("The file is not an Excel workbook (XLSX)."))
    else:
        rows = _csv_rows(data)
    header: dict[int, str] | None = None
    for number, values in rows:
        if number > MAX_ROWS:
            raise RowError(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
        cells = ["" if v is None else v for v in values]
        if not any(str(c).strip() for c in cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        yield number, {name: cells[i] for i, name in header.items() if i < len(cells)}


def _header(cells: list) -> dict[int, str]:
    header, unknown = {}, []
    for i, cell in enumerate(cells):
        title = fold_accents(str(cell).replace("/", " ").replace("_", " ")).strip(" :*")
        if title in COLUMNS:
            header[i] = COLUMNS[title]
        elif title:
            unknown.append(str(cell))
    missing = [name for name in REQUIRED if name not in header.values()]
    if missing:
        raise RowError(
            _("The first row must name the columns; missing: %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    return header


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, tuple]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise RowError(_("The workbook could not be read: %(e)s") % {"e": exc}) from exc
    try:
        sheet = workbook.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> Iterator[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RowError(_("The file is not UTF-8 text: save the CSV as UTF-8.")) from exc
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    yield from enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)


# Values -----------------------------------------------------------------------------


def _text(row: dict, name: str, *, limit: int | None = None) -> str:
    value = row.get(name, "")
    if isinstance(value, dt.datetime | dt.date):
        raise RowError(_("“%(column)s” must be text, not a date.") % {"column": name})
    value = " ".join(str(value).split()) if name != "summary" else str(value).strip()
    if limit and len(value) > limit:
        raise RowError(
            _("“%(column)s” is longer than %(limit)s characters.")
            % {"column": name, "limit": limit}
        )
    return value


def _date(row: dict, name: str, *, required: bool = False) -> dt.date | None:
    value = row.get(name, "")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        if required:
            raise RowError(_("“%(column)s” is missing.") % {"column": name})
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if not 1945 <= day.year < 2100:
            break
        return day
    raise RowError(
        _("“%(value)s” in “%(column)s” is not a date (write 21/03/2023).")
        % {"value": text, "column": name}
    )


def _numbers(row: dict, name: str) -> list[str]:
    return [clean_number(n) for n in str(row.get(name) or "").split(";") if n.strip()]


# Writing ----------------------------------------------------------------------------


class SpreadsheetImporter:
    """Imports rows for ``by``; ``files_dir`` is where the “Tệp” column's files are
    (only from the command line); ``publish`` publishes what it creates."""

    def __init__(self, *, by, publish: bool = False, files_dir: Path | None = None) -> None:
        self.by = by
        self.publish = publish
        self.files_dir = files_dir.resolve() if files_dir else None
        self.report = Report()
        self._links: list[tuple[Document, str, list[str]]] = []

    def run(self, data: bytes, name: str, *, dry_run: bool = False) -> Report:
        try:
            for line, row in read_rows(data, name):
                self.import_row(line, row, dry_run=dry_run)
        except RowError as exc:
            self.report.refused.append((0, str(exc)))
        if not dry_run:
            self._link_all()
        return self.report

    def import_row(self, line: int, row: dict, *, dry_run: bool = False) -> None:
        new_files: list[str] = []
        try:
            with transaction.atomic():
                outcome = self._import(row, new_files)
                if dry_run:
                    transaction.set_rollback(True)
        except Skipped as exc:
            self.report.skipped += 1
            self.report.skipped_lines.append((line, str(exc)))
            return
        except (RowError, ValidationError, PermissionDenied, DatabaseError) as exc:
            for name in new_files:
                services.discard_file(name)
            self.report.refused.append((line, _reason(exc)))
            return
        if dry_run:
            for name in new_files:
                services.discard_file(name)
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)

    def _named(self, model, value: str, column: str):
        if not value:
            raise RowError(_("“%(column)s” is missing.") % {"column": column})
        found = model.objects.filter(name__iexact=value).first()
        if found is None:
            found = model.objects.create(name=value)
            self.report.new_names.append(f"{model._meta.verbose_name}: {value}")
        return found

    def _import(self, row: dict, new_files: list[str]) -> str:
        number = clean_number(_text(row, "number", limit=80))
        if not number_key(number):
            raise RowError(_("“%(column)s” is missing.") % {"column": "number"})
        summary = _text(row, "summary")
        if not summary:
            raise RowError(_("“%(column)s” is missing.") % {"column": "summary"})
        issued_on = _date(row, "issued_on", required=True)
        effective_from = _date(row, "effective_from")
        expires_on = _date(row, "expires_on")
        scope_text = fold_accents(_text(row, "scope"))
        if scope_text and scope_text not in SCOPES:
            raise RowError(_("Unknown scope “%(value)s”.") % {"value": _text(row, "scope")})
        status_text = fold_accents(_text(row, "validity"))
        if status_text and status_text not in STATUSES:
            raise RowError(_("Unknown status “%(value)s”.") % {"value": _text(row, "validity")})
        doc_type = self._named(DocumentType, _text(row, "doc_type", limit=200), "doc_type")
        issuer = self._named(Issuer, _text(row, "issuer", limit=200), "issuer")
        field_name = _text(row, "field", limit=200)
        document = services.find_existing(number_key=number_key(number), issuer_id=issuer.pk)
        created = document is None
        document = document or Document(issuer=issuer)
        refusal = services.import_refusal(document=document, by=self.by)
        if refusal:
            raise Skipped(refusal)
        document.number = number
        document.summary = summary
        document.doc_type = doc_type
        document.field = self._named(Field, field_name, "field") if field_name else None
        document.scope = SCOPES[scope_text] if scope_text else document.scope or Scope.NATIONAL
        document.signer_title = _text(row, "signer_title", limit=200)
        document.signer_name = _text(row, "signer_name", limit=120)
        document.issued_on = issued_on
        document.effective_from = effective_from
        document.expires_on = expires_on
        computed = STATUSES[status_text] if status_text else ""
        # A status the dates give is not an override; one they cannot give is.
        document.validity_override = (
            computed if computed and computed != _by_dates(document) else ""
        )
        document.validity_reason = (
            _text(row, "validity_reason") if document.validity_override else ""
        )
        document.full_clean(exclude=["slug", "number_key"], validate_unique=False)
        services.document_import(
            document=document,
            publish=self.publish,
            by=self.by,
            note=_("spreadsheet"),
            published_at=_on_the_site(issued_on),
        )
        for path in self._files(row):
            if document.attachments.filter(original_name=path.name).exists():
                continue
            attachment = services.attachment_add(
                document=document, data=path.read_bytes(), original_name=path.name, by=self.by
            )
            new_files.append(attachment.file.name)
        links = [(kind, _numbers(row, column)) for column, kind in LINKS.items()]
        for kind, numbers in links:  # linked once every row is in
            if numbers:
                self._links.append((document, kind, numbers))
        return "created" if created else "updated"

    def _files(self, row: dict) -> list[Path]:
        names = [n.strip() for n in str(row.get("files") or "").split(";") if n.strip()]
        if names and self.files_dir is None:
            raise RowError(_("Files can only be imported from the command line (--files)."))
        paths = []
        for name in names:
            path = (self.files_dir / name).resolve()
            if not path.is_relative_to(self.files_dir):
                raise RowError(_("File “%(name)s” leaves the files folder.") % {"name": name})
            if not path.is_file():
                raise RowError(_("File “%(name)s” was not found.") % {"name": name})
            paths.append(path)
        return paths

    def _link_all(self) -> None:
        """Links once every row is in: a row may name a document further down."""
        for document, kind, numbers in self._links:
            for number in numbers:
                target = Document.objects.filter(number_key=number_key(number)).first()
                if target is None or target.pk == document.pk:
                    continue
                with transaction.atomic():
                    services.link_add(source=document, kind=kind, target=target, by=self.by)


def _on_the_site(issued_on: dt.date) -> dt.datetime:
    """When an imported document is shown as published: 8:00 on its date of issue (an
    archive keeps its order), or now for one issued today."""
    moment = timezone.make_aware(dt.datetime.combine(issued_on, dt.time(8)))
    return min(moment, timezone.now())


def _by_dates(document: Document) -> Validity:
    return Document(
        issued_on=document.issued_on,
        effective_from=document.effective_from,
        expires_on=document.expires_on,
    ).validity()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    if isinstance(exc, PermissionDenied):
        return str(exc) or _("You do not have the right to do this.")
    if isinstance(exc, DatabaseError):
        return _("The database refused the row: %(e)s") % {"e": exc}
    return str(exc)
