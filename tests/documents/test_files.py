"""Files attached to documents are judged by their content: hostile ones are refused with
a reason an editor understands, good ones give their text to search."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter

from documents.files import inspect
from tests.factories import OOXML_RELATIONSHIPS, docx_bytes, pdf_bytes


def refusal(data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        inspect(data)
    return caught.value.code


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_with_a_text_layer_gives_its_text_pages_and_checksum():
    inspected = inspect(pdf_bytes("Thong tu 45 quy dinh ve thong tin tren moi truong mang"))
    assert inspected.kind == "pdf"
    assert inspected.pages == 1
    assert "moi truong mang" in inspected.text
    assert len(inspected.checksum) == 64
    assert inspected.content_type == "application/pdf"


def test_a_word_document_gives_its_paragraphs():
    inspected = inspect(docx_bytes("Kế hoạch tuyên truyền Luật Căn cước"))
    assert inspected.kind == "docx"
    assert inspected.text == "Kế hoạch tuyên truyền Luật Căn cước"


@pytest.mark.parametrize(
    "extra",
    [
        "/Names << /JavaScript << /Names [(x) 5 0 R] >> >>",
        "/OpenAction 5 0 R",
        "/AA << /O 5 0 R >>",
    ],
)
def test_a_pdf_with_a_script_or_an_action_on_opening_is_refused(extra):
    script = "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
    assert refusal(pdf_bytes(catalog_extra=extra, extra_objects=[script])) == "active_content"


def test_a_pdf_that_launches_a_program_is_refused():
    launch = "<< /Type /Action /S /Launch /F (cmd.exe) >>"
    assert refusal(pdf_bytes(catalog_extra="/OpenAction 5 0 R", extra_objects=[launch])) == (
        "active_content"
    )


def test_a_pdf_hiding_a_name_with_hex_escapes_is_refused():
    script = "<< /S /J#61vaScript /JS (app.alert(1)) >>"
    assert refusal(pdf_bytes(extra_objects=[script])) == "active_content"


def test_a_pdf_carrying_an_embedded_file_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_attachment("virus.exe", b"MZ\x90\x00")
    assert refusal(written(writer)) == "active_content"


def test_a_pdf_opening_at_its_first_page_is_accepted():
    """Word and PDF libraries write an /OpenAction that only shows a page."""
    data = pdf_bytes(catalog_extra="/OpenAction [3 0 R /FitH null]")
    assert inspect(data).kind == "pdf"


def test_a_pdf_locked_with_a_password_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="bi-mat", owner_password="bi-mat")
    assert refusal(written(writer)) == "encrypted"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"<!doctype html><script>alert(1)</script>", "not_a_document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "legacy_word"),
        (pdf_bytes()[:200], "damaged"),
    ],
)
def test_what_is_not_a_pdf_or_a_word_document_is_refused(data, code):
    assert refusal(data) == code


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    assert refusal(pdf_bytes() + b" " * 1000) == "too_big"


def test_a_word_document_with_macros_is_refused():
    assert refusal(docx_bytes(extra_files={"word/vbaProject.bin": b"\0" * 64})) == "macros"
    macro_type = "application/vnd.ms-word.document.macroEnabled.main+xml"
    assert refusal(docx_bytes(main_type=macro_type)) == "macros"


def test_a_word_document_that_fetches_a_template_from_outside_is_refused():
    remote = (
        f'<Relationship Id="rId9" Type="{OOXML_RELATIONSHIPS}/attachedTemplate" '
        'Target="http://ke-gian.example/mau.dotm" TargetMode="External"/>'
    )
    assert refusal(docx_bytes(relationships=remote)) == "external_relationship"


def test_a_word_document_with_a_hyperlink_is_accepted():
    link = (
        f'<Relationship Id="rId5" Type="{OOXML_RELATIONSHIPS}/hyperlink" '
        'Target="https://dichvucong.gov.vn/" TargetMode="External"/>'
    )
    assert inspect(docx_bytes(relationships=link)).kind == "docx"


def test_a_word_document_declaring_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert refusal(docx_bytes(extra_files={"word/_rels/x.rels": bomb})) == "xml_entities"


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "xin chao")
    assert refusal(buffer.getvalue()) == "not_a_document"
