"""Spreadsheets (CSV, XLSX) and JSON Lines in: idempotent on the number and issuer, a
refused row reported by its line, nothing half-imported."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from documents.models import Document, DocumentLink
from documents.spreadsheet import SpreadsheetImporter
from documents.validity import Validity
from tests.factories import pdf_bytes

HEADER = (
    "Số ký hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành,Ngày có hiệu lực,"
    "Tình trạng,Lý do,Thay thế,Tệp"
)
ROWS = [
    "59/2014/QH13,Luật,Quốc hội,Luật Căn cước công dân,20/11/2014,01/01/2016,,,,",
    "26/2023/QH15,Luật,Quốc hội,Luật Căn cước,27/11/2023,01/07/2024,,,59/2014/QH13,",
    '100/2019/NĐ-CP,Nghị định,Chính phủ,"Xử phạt vi phạm hành chính trong lĩnh vực giao thông",'
    "30/12/2019,01/01/2020,Hết hiệu lực một phần,Phần đường bộ được thay thế,,",
]


def csv_bytes(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def run(data: bytes, by, name="van-ban.csv", **options):
    return SpreadsheetImporter(by=by, **options).run(data, name)


def test_a_spreadsheet_creates_documents_and_their_links(administrator, now):
    report = run(csv_bytes(*ROWS), administrator, publish=True)
    assert (report.created, report.updated, report.refused) == (3, 0, [])
    new = Document.objects.get(number="26/2023/QH15")
    old = Document.objects.get(number="59/2014/QH13")
    assert new.is_published()
    assert DocumentLink.objects.filter(source=new, target=old, kind="replaces").exists()
    old.refresh_from_db()
    # Replaced: out of force from the day its replacement came into force.
    assert old.expires_on.isoformat() == "2024-07-01"
    assert old.validity(today=dt.date(2025, 1, 1)) == Validity.EXPIRED
    decree = Document.objects.get(number="100/2019/NĐ-CP")
    assert decree.validity() == Validity.PARTIAL
    assert decree.validity_reason == "Phần đường bộ được thay thế"
    assert decree.steps.get().action == "import"


def test_importing_twice_is_importing_once(administrator):
    run(csv_bytes(*ROWS), administrator, publish=True)
    # The same numbers spelled differently are the same documents.
    again = run(csv_bytes(*ROWS).replace(b"26/2023/QH15,", b"26 / 2023 / qh15,"), administrator)
    assert (again.created, again.updated) == (0, 3)
    assert Document.objects.count() == 3
    assert DocumentLink.objects.count() == 1


def test_refused_rows_are_reported_by_line_and_the_others_imported(administrator):
    report = run(
        csv_bytes(
            ROWS[0],
            "1/2024/TT-BCA,Thông tư,Bộ Công an,Tóm tắt,31/02/2024,,,,,",
            "2/2024/TT-BCA,Thông tư,Bộ Công an,,01/02/2024,,,,,",
            "3/2024/TT-BCA,Thông tư,Bộ Công an,Tóm tắt,01/02/2024,,Còn lâu,,,",
            "4/2024/TT-BCA,Thông tư,Bộ Công an,Tóm tắt,01/02/2024,,,,,toan-van.pdf",
        ),
        administrator,
    )
    assert report.created == 1
    lines = report.lines()
    assert [line.split(":")[0] for line in lines] == ["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6"]
    assert "31/02/2024" in lines[0]
    assert Document.objects.count() == 1


def test_a_file_named_in_a_row_is_verified_and_attached(administrator, tmp_path: Path):
    (tmp_path / "ok.pdf").write_bytes(pdf_bytes("Luat Can cuoc toan van"))
    (tmp_path / "bad.pdf").write_bytes(
        pdf_bytes(catalog_extra="/OpenAction 5 0 R", extra_objects=["<< /S /Launch /F (x) >>"])
    )
    report = run(
        csv_bytes(
            "26/2023/QH15,Luật,Quốc hội,Luật Căn cước,27/11/2023,01/07/2024,,,,ok.pdf",
            "27/2023/QH15,Luật,Quốc hội,Luật khác,27/11/2023,01/07/2024,,,,bad.pdf",
            "28/2023/QH15,Luật,Quốc hội,Luật khác nữa,27/11/2023,01/07/2024,,,,../ngoai.pdf",
        ),
        administrator,
        files_dir=tmp_path,
    )
    assert report.created == 1
    document = Document.objects.get()
    assert "toan van" in document.full_text
    assert len(report.refused) == 2
    # The refused row left no file behind.
    stored = list((Path(document.attachments.get().file.path)).parent.iterdir())
    assert len(stored) == 1


def test_an_excel_workbook_is_read_like_a_csv(administrator):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "05/2019/NQ-HĐND",
            "Nghị quyết",
            "HĐND tỉnh Sông Lam",
            "Mức chi hỗ trợ",
            "12/07/2019",
            "01/08/2019",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run(buffer.getvalue(), administrator, name="van-ban.xlsx")
    assert report.created == 1 and report.ok
    assert Document.objects.get().issuer.name == "HĐND tỉnh Sông Lam"


def test_a_reporter_cannot_import_as_published(reporter):
    report = run(csv_bytes(ROWS[0]), reporter, publish=True)
    assert report.created == 0
    assert "quyền" in report.lines()[0]


def test_json_lines_export_and_import_give_back_the_same_documents(administrator, tmp_path, now):
    run(csv_bytes(*ROWS), administrator, publish=True)
    call_command("export_documents", tmp_path / "van-ban.jsonl", stdout=io.StringIO())
    before = sorted(
        Document.objects.values_list("number", "issuer__name", "expires_on", "validity_override")
    )
    Document.objects.all().delete()
    out = io.StringIO()
    call_command("import_documents", tmp_path / "van-ban.jsonl", by="quantri", stdout=out)
    assert "3 đã tạo" in out.getvalue() or "3 created" in out.getvalue()
    after = sorted(
        Document.objects.values_list("number", "issuer__name", "expires_on", "validity_override")
    )
    assert after == before
    assert DocumentLink.objects.count() == 1
    assert Document.objects.published().count() == 3


@pytest.mark.parametrize("data", [b"\xff\xfe not utf-8", b"Sai,tieu,de\n1,2,3\n"])
def test_a_file_that_cannot_be_read_says_why(administrator, data):
    report = run(data, administrator)
    assert report.created == 0 and len(report.refused) == 1
