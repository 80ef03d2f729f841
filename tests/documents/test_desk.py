"""The documents desk: a document with its PDF added through the admin's form; a hostile
file refused on its row; the spreadsheet import page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, DocumentType, Issuer
from tests.factories import pdf_bytes


def form_data(**overrides) -> dict:
    data = {
        "number": "45/2023/TT-BCA",
        "doc_type": DocumentType.objects.get_or_create(name="Thông tư")[0].pk,
        "issuer": Issuer.objects.get_or_create(name="Bộ Công an")[0].pk,
        "summary": "Quy định về thông tin, tuyên truyền trên môi trường mạng",
        "scope": "national",
        "issued_on": "12/09/2023",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title": "Toàn văn",
        "attachments-0-position": "0",
        "links_out-TOTAL_FORMS": "0",
        "links_out-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_document_with_its_pdf(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("tt45.pdf", pdf_bytes("Thong tu 45"), "application/pdf")
    response = client.post(
        reverse("admin:documents_document_add"), {**form_data(), "attachments-0-upload": upload}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.created_by == editor and document.status == "draft"
    attachment = document.attachments.get()
    assert attachment.kind == "pdf" and attachment.original_name == "tt45.pdf"
    assert attachment.file.name.startswith("van-ban/") and "tt45" not in attachment.file.name
    assert "Thong tu 45" in document.full_text


def test_a_hostile_file_is_refused_on_its_row_and_nothing_is_saved(client, editor):
    client.force_login(editor)
    hostile = pdf_bytes(
        catalog_extra="/OpenAction 5 0 R", extra_objects=["<< /S /JavaScript /JS (x) >>"]
    )
    upload = SimpleUploadedFile("tt45.pdf", hostile, "application/pdf")
    response = client.post(
        reverse("admin:documents_document_add"), {**form_data(), "attachments-0-upload": upload}
    )
    assert response.status_code == 200
    assert "nội dung chủ động" in response.content.decode()
    assert not Document.objects.exists()


def test_the_import_page_checks_a_spreadsheet_and_reports_by_line(client, editor):
    client.force_login(editor)
    sheet = (
        "Số ký hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành\n"
        "1/2024/TT-BCA,Thông tư,Bộ Công an,Tóm tắt,01/02/2024\n"
        "2/2024/TT-BCA,Thông tư,Bộ Công an,Tóm tắt,30/02/2024\n"
    ).encode()
    url = reverse("admin:documents_document_import")
    response = client.post(
        url, {"spreadsheet": SimpleUploadedFile("v.csv", sheet), "dry_run": "on"}
    )
    html = response.content.decode()
    assert "1 tạo mới, 0 cập nhật, 0 bỏ qua, 1 bị từ chối." in html
    assert "Dòng 3:" in html
    assert not Document.objects.exists()  # only checked
