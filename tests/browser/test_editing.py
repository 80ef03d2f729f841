"""The editor in a real browser: CKEditor 5 in Vietnamese, and unsaved text that survives."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import log_in
from tests.factories import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_ckeditor_loads_in_vietnamese_with_a_word_count(live_server, desktop, editor, screenshot):
    article = make_article(status=Article.Status.SUBMITTED, published_at=None)
    missing = []
    desktop.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    log_in(desktop, live_server, editor)
    desktop.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    editable = desktop.locator(".ck-editor__main > .ck-editor__editable")
    editable.wait_for()
    assert desktop.locator(".ck-toolbar [data-cke-tooltip-text^='Đậm']").count() == 1
    assert "Số chữ" in desktop.locator(".word-count").inner_text()
    # No raw-HTML tools for anyone.
    assert desktop.locator(".ck-source-editing-button").count() == 0
    screenshot(desktop, "admin-article-change-1280")
    assert missing == []  # console errors and CSP violations: the page_problems fixture


def test_unsaved_text_survives_a_closed_tab(live_server, desktop, editor):
    article = make_article(status=Article.Status.SUBMITTED, published_at=None)
    url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    log_in(desktop, live_server, editor)
    desktop.goto(url)
    desktop.locator(".ck-editor__main > .ck-editor__editable").wait_for()
    desktop.fill("#id_title", "Tiêu đề đang viết dở chưa kịp lưu")
    desktop.locator(".ck-editor__main > .ck-editor__editable").click()
    desktop.keyboard.type("Đoạn văn mới gõ thêm.")
    expect(desktop.locator("#nr-autosave-status")).to_contain_text("Bản nháp đã lưu trên máy")

    desktop.goto(url)  # the tab was closed and opened again
    banner = desktop.locator(".nr-notice--restore")
    banner.wait_for()
    assert "Có nội dung chưa lưu" in banner.inner_text()
    banner.locator(".nr-restore").click()
    assert desktop.input_value("#id_title") == "Tiêu đề đang viết dở chưa kịp lưu"
    assert (
        "Đoạn văn mới gõ thêm."
        in desktop.locator(".ck-editor__main > .ck-editor__editable").inner_text()
    )
    article.refresh_from_db()
    assert article.title != "Tiêu đề đang viết dở chưa kịp lưu"  # nothing was saved silently
