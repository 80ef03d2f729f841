"""Files attached to documents: verified by content, inert, and read for search.

An upload is judged by its bytes, never its name or the type a browser sent:

- **PDF**: it must start as a PDF and open in pypdf; every object a viewer can reach is
  walked, and a file holding JavaScript, an action run on opening (``/OpenAction``,
  ``/AA``), a program to launch, an embedded file, rich media or an XFA form is refused,
  as is one that opens only with a password. The text layer, where there is one, is
  kept for search (pypdf, pure Python: no external converter ever runs on an upload).
- **DOCX**: a ZIP whose content types say it is a Word document without macros; a
  ``vbaProject.bin``, ActiveX controls, or a relationship that fetches something from
  outside when the file opens (a remote template, frame, picture or object) is refused.
  Hyperlinks, which a reader has to click, are allowed. Its paragraphs are kept for search.
- Anything else — the old ``.doc``, HTML renamed ``.pdf``, an archive — is refused.

Nothing here touches the database or the storage; ``documents.services`` stores the file.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Names that make a PDF act by itself: scripts, actions on events, programs, embedded
# files, multimedia, XML forms.
FORBIDDEN_PDF_NAMES = frozenset(
    {
        "/JavaScript", "/JS", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
        "/RichMedia", "/XFA", "/SubmitForm", "/ImportData", "/GoToE", "/GoToR",
    }
)  # fmt: skip
# What a PDF may do when it opens: show a page (a destination, or a /GoTo action). Word,
# LibreOffice and most PDF libraries write one; any other action on opening is refused.
OPEN_ACTION = "/OpenAction"
PDF_MAX_OBJECTS = 500_000
TEXT_MAX_PAGES = 400
TEXT_MAX_CHARS = 200_000
DOCX_MAX_ENTRIES = 2_000
DOCX_MAX_UNPACKED = 200 * 1024 * 1024
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STREAMS = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]+")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Inspected:
    """A verified file: its format, size, checksum, pages and text."""

    kind: str
    size: int
    checksum: str
    pages: int | None
    text: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def inspect(data: bytes) -> Inspected:
    """Verify ``data`` and read it; a ValidationError (in Vietnamese) says why not."""
    if not data:
        raise _refuse(_("The file is empty (0 bytes)."), "empty")
    limit = settings.DOCUMENT_MAX_BYTES
    if len(data) > limit:
        raise _refuse(
            _("The file is %(size)s MB, more than the %(limit)s MB allowed.")
            % {
                "size": f"{len(data) / (1024 * 1024):.1f}".replace(".", ","),
                "limit": limit // (1024 * 1024),
            },
            "too_big",
        )
    checksum = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF-"):
        pages, text = _read_pdf(data)
        return Inspected("pdf", len(data), checksum, pages, text)
    if data.startswith(b"PK\x03\x04"):
        text = _read_docx(data)
        return Inspected("docx", len(data), checksum, None, text)
    if data.startswith(_OLE2):
        raise _refuse(
            _(
                "Old Word files (.doc) can carry macros and are not accepted: save the "
                "document as PDF or DOCX."
            ),
            "legacy_word",
        )
    raise _refuse(_("Only PDF and Word (DOCX) files are accepted."), "not_a_document")


# PDF ------------------------------------------------------------------------------


def _read_pdf(data: bytes) -> tuple[int, str]:
    if zipfile.is_zipfile(io.BytesIO(data)):
        raise _refuse(_("The file is also an archive (ZIP) and was refused."), "polyglot")
    _scan_pdf_structure(data)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(
                _("The PDF opens only with a password: upload it without one."), "encrypted"
            )
        _walk_pdf(reader)
        pages = len(reader.pages)
        text = _pdf_text(reader)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf's many errors, and recursion in a broken file
        raise _refuse(
            _("The PDF is damaged or incomplete and could not be read."), "damaged"
        ) from exc
    return pages, text


def _scan_pdf_structure(data: bytes) -> None:
    """The names in the file's own structure (outside its streams), ``#xx`` escapes read:
    what a viewer could act on even where the parser would skip an object."""
    for token in _NAME.findall(_STREAMS.sub(b"", data)):
        name = _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), token)
        if name.decode("latin-1") in FORBIDDEN_PDF_NAMES:
            raise _active_pdf(name.decode("latin-1"))


def _active_pdf(name: str) -> ValidationError:
    return _refuse(
        _(
            "The PDF contains active content (%(name)s: a script, an action run on opening, "
            "a program or an embedded file) and was refused. Print it to a new PDF first."
        )
        % {"name": name},
        "active_content",
    )


def _walk_pdf(reader: PdfReader) -> None:
    """Every object reachable from the trailer, each once, without recursion."""
    seen: set[tuple[int, int]] = set()
    stack: list = [reader.trailer]
    visited = 0
    while stack:
        item = stack.pop()
        visited += 1
        if visited > PDF_MAX_OBJECTS:
            raise _refuse(_("The PDF is too complex to be checked."), "too_complex")
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            stack.append(item.get_object())
        elif isinstance(item, DictionaryObject):  # streams too
            for name, value in item.items():
                if name in FORBIDDEN_PDF_NAMES:
                    raise _active_pdf(str(name))
                if name == OPEN_ACTION:
                    _check_open_action(value)
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, NameObject) and item in FORBIDDEN_PDF_NAMES:
            raise _active_pdf(str(item))


def _check_open_action(value) -> None:
    action = value.get_object() if isinstance(value, IndirectObject) else value
    if isinstance(action, ArrayObject):
        return  # a destination: the page to show first
    if isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo":
        return
    raise _active_pdf(OPEN_ACTION)


def _pdf_text(reader: PdfReader) -> str:
    parts, length = [], 0
    for page in reader.pages[:TEXT_MAX_PAGES]:
        text = " ".join((page.extract_text() or "").split())
        if text:
            parts.append(text)
            length += len(text)
        if length >= TEXT_MAX_CHARS:
            break
    return "\n".join(parts)[:TEXT_MAX_CHARS]


# DOCX -----------------------------------------------------------------------------


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    raw = archive.read(name)
    # OOXML never declares a DTD: one is an entity-expansion attack.
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise _refuse(_("The Word file contains a forbidden XML declaration."), "xml_entities")
    return ElementTree.fromstring(raw)


def _read_docx(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = [entry.filename for entry in entries]
            if len(entries) > DOCX_MAX_ENTRIES or (
                sum(entry.file_size for entry in entries) > DOCX_MAX_UNPACKED
            ):
                raise _refuse(_("The Word file unpacks to too much data."), "zip_bomb")
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise _refuse(_("Only PDF and Word (DOCX) files are accepted."), "not_a_document")
            lowered = [name.lower() for name in names]
            if any(n.endswith("vbaproject.bin") or "/activex/" in n for n in lowered):
                raise _macros()
            _check_content_types(_xml(archive, "[Content_Types].xml"))
            for name in names:
                if name.endswith(".rels"):
                    _check_relationships(_xml(archive, name))
            return _docx_text(_xml(archive, "word/document.xml"))
    except ValidationError:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError, EOFError) as exc:
        raise _refuse(
            _("The Word file is damaged or incomplete and could not be read."), "damaged"
        ) from exc


def _macros() -> ValidationError:
    return _refuse(
        _("The Word file contains macros or controls and was refused: save it as DOCX or PDF."),
        "macros",
    )


def _check_content_types(root: ElementTree.Element) -> None:
    types = {
        element.get("PartName", ""): element.get("ContentType", "")
        for element in root.iter(f"{_CONTENT_TYPES}Override")
    }
    every = [*types.values()]
    every += [e.get("ContentType", "") for e in root.iter(f"{_CONTENT_TYPES}Default")]
    if any("macroenabled" in t.lower() or "vbaproject" in t.lower() for t in every):
        raise _macros()
    if types.get("/word/document.xml") != DOCX_MAIN:
        raise _refuse(
            _("The file is not a Word document (DOCX) and was refused."), "not_a_document"
        )


def _check_relationships(root: ElementTree.Element) -> None:
    for relationship in root.iter(_RELATIONSHIPS):
        if relationship.get("TargetMode", "").lower() != "external":
            continue
        if relationship.get("Type", "").endswith("/hyperlink"):
            continue  # followed only when a reader clicks it
        raise _refuse(
            _(
                "The Word file fetches content from outside (%(target)s) when it is opened "
                "and was refused."
            )
            % {"target": relationship.get("Target", "")[:80]},
            "external_relationship",
        )


def _docx_text(root: ElementTree.Element) -> str:
    paragraphs = []
    for paragraph in root.iter(f"{_WORD}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{_WORD}t"))
        if text.strip():
            paragraphs.append(" ".join(text.split()))
    return "\n".join(paragraphs)[:TEXT_MAX_CHARS]
