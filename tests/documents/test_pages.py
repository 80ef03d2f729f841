"""Readers' pages of documents: the list with its filters, a document's page with its
files, the feed and the sitemap; drafts nowhere; a fixed number of queries."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents import services
from documents.models import Document, DocumentLink
from public.pagecache import content_version
from tests.factories import make_article, make_document, pdf_bytes


@pytest.fixture
def circular(db, administrator):
    document = make_document(
        number="45/2023/TT-BCA",
        summary="Quy định về thực hiện thông tin, tuyên truyền trên môi trường mạng",
        issued_on=dt.date(2023, 9, 12),
        effective_from=dt.date(2023, 11, 1),
        signer_title="KT. Bộ trưởng - Thứ trưởng",
        signer_name="Nguyễn Văn A",
    )
    services.attachment_add(
        document=document, data=pdf_bytes("Thong tu 45"), original_name="tt45.pdf", by=administrator
    )
    return document


def test_the_list_shows_number_date_summary_status_and_download(client, circular):
    page = client.get("/van-ban/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "45/2023/TT-BCA" in html and "12/09/2023" in html
    assert "Còn hiệu lực" in html
    assert f"/van-ban/{circular.slug}/tep/" in html
    for heading in ("Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tình trạng", "Tải về"):
        assert heading in html


def test_the_filters_show_their_counts(client, circular):
    make_document(number="1/2024/TT-BCA", summary="Khác")
    html = client.get("/van-ban/?loai=thong-tu").content.decode()
    assert "Thông tư (2)" in html
    assert "2 văn bản" in html


def test_a_documents_page_has_its_facts_its_file_and_its_links_both_ways(client, circular):
    guide = make_document(number="9/HD-CAT-PV01", summary="Hướng dẫn thực hiện")
    DocumentLink.objects.create(source=guide, kind="guides", target=circular)
    article = make_article(title="Tuyên truyền trên không gian mạng theo Thông tư 45")
    circular.articles.add(article)
    html = client.get(circular.get_absolute_url()).content.decode()
    assert "Thông tư 45/2023/TT-BCA" in html
    assert "KT. Bộ trưởng - Thứ trưởng Nguyễn Văn A" in html
    assert "Được hướng dẫn bởi" in html and "9/HD-CAT-PV01" in html
    assert article.title in html
    assert 'class="doc-preview"' in html
    assert '"@type": "Legislation"' in html
    assert '"legislationLegalForce": {"@id": "https://schema.org/InForce"}' in html
    other = client.get(guide.get_absolute_url()).content.decode()
    assert "Hướng dẫn:" in other and "45/2023/TT-BCA" in other


def test_a_pdf_opens_in_the_page_and_downloads_with_its_number(client, circular):
    file = circular.attachments.get()
    url = reverse("public:document-file", args=[circular.slug, file.pk])
    shown = client.get(url)
    assert shown["Content-Type"] == "application/pdf"
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    assert shown["X-Content-Type-Options"] == "nosniff"
    assert shown["Content-Disposition"].startswith("inline")
    assert b"".join(shown.streaming_content).startswith(b"%PDF-")
    saved = client.get(url + "?tai-ve=1")
    assert saved["Content-Disposition"] == 'attachment; filename="45-2023-TT-BCA.pdf"'


def test_a_draft_is_nowhere_and_its_file_is_not_served(client, circular):
    draft = make_document(number="77/2026/TT-BCA", status="draft", published_at=None)
    Document.objects.filter(pk=circular.pk).update(status="draft")
    file = circular.attachments.get()
    for url in ["/van-ban/", "/van-ban/?q=77/2026", "/van-ban/rss/", "/sitemap-documents.xml"]:
        html = client.get(url).content.decode()
        assert draft.get_absolute_url() not in html and circular.get_absolute_url() not in html, url
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("public:document-file", args=[circular.slug, file.pk])).status_code
        == 404
    )


def test_a_document_taken_down_is_gone(client, circular):
    Document.objects.filter(pk=circular.pk).update(status="unpublished")
    assert client.get(circular.get_absolute_url()).status_code == 410


def test_the_feed_lists_new_documents(client, circular):
    feed = client.get("/van-ban/rss/").content.decode()
    assert "Thông tư 45/2023/TT-BCA" in feed


def queries(client, url: str) -> int:
    cache.clear()
    content_version()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # The lists of types, issuers and fields (3), a count per filter (5), the count,
        # the page's ids, its rows, their files; the menu and the portal's identity.
        ("/van-ban/", 14),
        # The lists (3), the candidates twice (a filter is chosen), the page, its files.
        ("/van-ban/?q=45/2023/tt-bca&tinh-trang=con-hieu-luc", 9),
        ("/van-ban/?loai=thong-tu&nam=2023", 14),
    ],
)
def test_lists_and_searches_cost_a_fixed_number_of_queries(client, administrator, url, budget):
    for n in range(30):
        document = make_document(number=f"{n}/2023/TT-BCA", issued_on=dt.date(2023, 1, 1 + n % 28))
        if n % 3 == 0:
            services.attachment_add(
                document=document,
                data=pdf_bytes(f"van ban {n}"),
                original_name="a.pdf",
                by=administrator,
            )
    assert queries(client, url) <= budget


def test_a_documents_page_costs_a_fixed_number_of_queries(client, circular):
    for n in range(5):
        DocumentLink.objects.create(
            source=make_document(number=f"{n}/HD-CAT"), kind="guides", target=circular
        )
    circular.articles.add(make_article(), make_article())
    assert queries(client, circular.get_absolute_url()) <= 9
