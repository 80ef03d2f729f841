"""Legal documents in Chromium: a reader on a phone finds a circular by its number; an
editor prepares a document with its PDF at the desk and the approver publishes it."""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from documents.models import Document, DocumentType, Issuer
from tests.browser.conftest import SLOW_STEP_MS, log_in_quickly, page_overflows
from tests.factories import make_document, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBER = "45/2023/TT-BCA"
SUMMARY = (
    "Quy định về thực hiện thông tin, tuyên truyền trên môi trường mạng trong Công an nhân dân"
)


def test_a_reader_on_a_phone_finds_a_circular_by_its_number(live_server, phone, screenshot):
    make_document(number=NUMBER, summary=SUMMARY, issued_on=dt.date(2023, 9, 12))
    make_document(number="145/2023/TT-BCA", summary="Quy định về cư trú")
    for n in range(12):
        make_document(number=f"{n + 1}/2024/TT-BCA", summary=f"Hướng dẫn nghiệp vụ số {n}")
    phone.goto(live_server.url + "/van-ban/")
    assert not page_overflows(phone)
    phone.fill("#doc-q", "45/2023/tt-bca")
    phone.press("#doc-q", "Enter")
    first = phone.locator(".doc-table tbody tr").first
    expect(first.locator(".doc-table__number")).to_have_text(NUMBER)
    assert not page_overflows(phone)
    screenshot(phone, "documents-search-390")
    first.get_by_role("link", name=NUMBER).click()
    expect(phone.locator("h1")).to_have_text(f"Thông tư {NUMBER}")
    expect(phone.locator(".document__summary")).to_have_text(SUMMARY)
    expect(phone.locator(".validity").first).to_have_text("Còn hiệu lực")
    assert not page_overflows(phone)
    screenshot(phone, "document-390")


def test_an_editor_prepares_a_document_and_the_approver_publishes_it(
    live_server, new_page, editor, approver, tmp_path: Path, screenshot
):
    DocumentType.objects.create(name="Thông tư", code="TT")
    Issuer.objects.create(name="Bộ Công an", code="BCA")
    pdf = tmp_path / "thong-tu-45.pdf"
    pdf.write_bytes(pdf_bytes("Thong tu 45 ve thong tin tren moi truong mang"))

    desk = new_page()
    log_in_quickly(desk, live_server, editor)
    desk.goto(live_server.url + reverse("admin:documents_document_add"))
    desk.fill("#id_number", NUMBER)
    desk.select_option("#id_doc_type", label="Thông tư")
    desk.select_option("#id_issuer", label="Bộ Công an")
    desk.fill("#id_summary", SUMMARY)
    desk.fill("#id_issued_on", "12/09/2023")
    desk.fill("#id_effective_from", "01/11/2023")
    desk.set_input_files("#id_attachments-0-upload", str(pdf))
    desk.fill("#id_attachments-0-title", "Toàn văn")
    with desk.expect_navigation(timeout=SLOW_STEP_MS):
        desk.locator("input[name=_continue]").click()
    document = Document.objects.get(number=NUMBER)
    assert document.attachments.get().pages == 1
    desk.locator(".nr-button--submit").click()
    desk.locator(".nr-button--forward").click()
    expect(desk.locator("#nr-status")).to_have_text("Chờ duyệt")
    screenshot(desk, "document-desk-forwarded-1280")

    lead = new_page()
    log_in_quickly(lead, live_server, approver)
    lead.goto(live_server.url + reverse("admin:documents_document_change", args=[document.pk]))
    lead.locator(".nr-button--approve").click()
    expect(lead.locator("#nr-status")).to_have_text("Đã xuất bản")
    document.refresh_from_db()
    assert document.is_published()
    assert [s.by for s in document.steps.order_by("at", "pk")] == [editor, editor, approver]

    lead.goto(live_server.url + document.get_absolute_url())
    expect(lead.locator("h1")).to_have_text(f"Thông tư {NUMBER}")
    expect(lead.locator(".doc-files__download")).to_have_count(1)
    screenshot(lead, "document-1280")
