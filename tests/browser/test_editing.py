"""The editor in a real browser: CKEditor 5 in Vietnamese, and unsaved text that survives."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import log_in
from tests.factories import make_article, make_author, make_section

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


def test_autosave_never_offers_text_that_was_saved(live_server, desktop, reporter):
    make_section("An ninh trật tự")
    author = make_author("Lê Thị Hạnh", "Công an xã Phú Đình")
    author.user = reporter
    author.save()
    add_url = live_server.url + reverse("admin:articles_article_add")
    log_in(desktop, live_server, reporter)
    desktop.goto(add_url)
    editable = desktop.locator(".ck-editor__main > .ck-editor__editable")
    editable.wait_for()
    desktop.fill("#id_title", "Công an xã Phú Đình tuần tra đêm bảo vệ mùa màng")
    editable.click()
    desktop.keyboard.type("Tổ tuần tra gồm sáu đồng chí.")
    expect(desktop.locator("#nr-autosave-status")).to_contain_text("Bản nháp đã lưu trên máy")
    with desktop.expect_navigation():
        desktop.click("input[name=_continue]")  # "Lưu và tiếp tục chỉnh sửa"
    expect(desktop.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.filter(title__startswith="Công an xã Phú Đình tuần tra").exists()

    desktop.goto(add_url)  # the next new article starts empty, with nothing to restore
    desktop.locator(".ck-editor__main > .ck-editor__editable").wait_for()
    desktop.wait_for_timeout(500)
    assert desktop.locator(".nr-notice--restore").count() == 0
    assert desktop.input_value("#id_title") == ""
    drafts = desktop.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('newsroom:draft:'))"
    )
    assert drafts == []


def test_headings_and_quotes_look_like_headings_and_quotes_while_editing(
    live_server, desktop, editor
):
    article = make_article(
        status=Article.Status.SUBMITTED,
        published_at=None,
        body="<p>Đoạn mở đầu.</p><h2>Diễn biến vụ việc</h2>"
        "<blockquote><p>“Câu trích dẫn của nhân chứng.”</p></blockquote><p>Đoạn cuối.</p>",
    )
    log_in(desktop, live_server, editor)
    desktop.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    editable = desktop.locator(".ck-editor__main > .ck-editor__editable")
    editable.wait_for()
    style = desktop.evaluate(
        """() => {
            const read = (el) => {
                const s = getComputedStyle(el);
                return {size: parseFloat(s.fontSize), weight: s.fontWeight,
                        bg: s.backgroundColor, transform: s.textTransform,
                        border: s.borderLeftWidth, style: s.fontStyle};
            };
            const root = document.querySelector('.ck-editor__main > .ck-editor__editable');
            return {p: read(root.querySelector('p')), h2: read(root.querySelector('h2')),
                    quote: read(root.querySelector('blockquote'))};
        }"""
    )
    assert style["h2"]["size"] > style["p"]["size"] * 1.15  # a heading is bigger than text
    assert int(style["h2"]["weight"]) >= 700
    assert style["h2"]["transform"] == "none"
    assert style["h2"]["bg"] in {"rgba(0, 0, 0, 0)", "transparent"}  # not a fieldset bar
    assert style["quote"]["size"] >= style["p"]["size"]  # not the admin's 11 px
    assert style["quote"]["border"] != "0px" and style["quote"]["style"] == "italic"
