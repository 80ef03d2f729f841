"""The newsroom's day, driven in Chromium: write, edit, approve, read, take down.

Each step is its own test: the database starts where the step before would have left the
article (made with the factories), and the browser does the step under test. Every page
visited is watched for console errors and CSP violations (``page_problems``).
"""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from articles.models import Article
from photos.models import Image
from tests.browser.conftest import SLOW_STEP_MS, log_in, log_in_quickly, page_overflows
from tests.factories import (
    HTML_PAGE,
    jpeg_bytes,
    make_article,
    make_author,
    make_image,
    make_section,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Status = Article.Status
TITLE = "Công an huyện Đồng Hỷ điều tra vụ trộm cắp xe máy tại chợ Trại Cau"
SAPO = "Trong đêm 20/3, tổ công tác phát hiện hai đối tượng đang tiêu thụ xe máy trộm cắp."
CAPTION = "Tang vật thu giữ tại trụ sở Công an xã Trại Cau"
EDITOR = ".ck-editor__main > .ck-editor__editable"


def change_url(live_server, article: Article) -> str:
    return live_server.url + reverse("admin:articles_article_change", args=[article.pk])


def story(status: str = Status.SUBMITTED, **overrides) -> Article:
    """The reporter's article, at the step ``status``, with a captioned photo in its body."""
    photo = make_image(data=jpeg_bytes((960, 640)), caption=CAPTION)
    published = status in {Status.PUBLISHED, Status.UNPUBLISHED}
    fields = {
        "title": TITLE,
        "sapo": SAPO,
        "body": (
            "<p>Đêm 20/3, tổ công tác Công an huyện Đồng Hỷ phát hiện hai đối tượng.</p>"
            "<h2>Diễn biến vụ việc</h2><ul><li>Thu giữ 2 xe máy</li><li>Lập biên bản</li></ul>"
            f'<figure class="image"><img src="{photo.file.url}" alt="Hai xe máy tang vật">'
            f"<figcaption>{CAPTION}</figcaption></figure>"
        ),
        "status": status,
        "authors": [make_author("Lê Thị Hạnh", "Công an huyện Đồng Hỷ")],
        **({} if published else {"published_at": None}),
    }
    fields.update(overrides)
    return make_article(**fields)


def with_authenticator(user) -> TOTPDevice:
    """The user has enrolled a phone: every log-in asks for its code."""
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


def test_1_a_reporter_writes_an_article_with_a_photo_and_submits_it(
    live_server, desktop, reporter, tmp_path: Path, screenshot
):
    make_section("An ninh trật tự")  # a new article goes into the first section
    author = make_author("Lê Thị Hạnh", "Công an huyện Đồng Hỷ")
    author.user = reporter  # her account is in the byline of what she writes
    author.save()
    photo = tmp_path / "tang-vat.jpg"
    photo.write_bytes(jpeg_bytes((1200, 800)))
    log_in(desktop, live_server, reporter)
    desktop.goto(live_server.url + reverse("admin:articles_article_add"))
    editor = desktop.locator(EDITOR)
    editor.wait_for()
    # No raw HTML for anyone: neither the source view nor the HTML-embed plugin is loaded.
    assert (
        desktop.evaluate(
            "['SourceEditing', 'HtmlEmbed', 'GeneralHtmlSupport']"
            ".filter(name => window.editors.id_body.plugins.has(name))"
        )
        == []
    )

    desktop.fill("#id_title", TITLE)
    desktop.fill("#id_sapo", SAPO)
    editor.click()
    keyboard = desktop.keyboard
    keyboard.type("Đêm 20/3, tổ công tác Công an huyện Đồng Hỷ phát hiện hai đối tượng.")
    keyboard.press("Enter")
    keyboard.type("## Diễn biến vụ việc")  # CKEditor's autoformat: a sub-heading
    keyboard.press("Enter")
    keyboard.type("- Thu giữ 2 xe máy không giấy tờ")  # a bulleted list
    keyboard.press("Enter")
    keyboard.type("Lập biên bản, tạm giữ hình sự")
    keyboard.press("Enter")
    keyboard.press("Enter")  # out of the list

    desktop.set_input_files(".ck-toolbar input[type=file]", str(photo))
    uploaded = editor.locator("figure.image img[src^='/media/']")
    expect(uploaded).to_be_visible(timeout=SLOW_STEP_MS)
    uploaded.click()
    # The photo's balloon toolbar: its first button turns the caption on.
    desktop.locator(".ck-balloon-panel_visible .ck-toolbar .ck-button").first.click()
    caption = editor.locator("figure.image figcaption")
    expect(caption).to_be_focused()
    keyboard.type(CAPTION)
    expect(caption).to_have_text(CAPTION)

    desktop.click("input[name=_continue]")
    expect(desktop.locator(".messagelist .success")).to_be_visible()
    desktop.locator(".nr-button--submit").click()
    expect(desktop.locator("#nr-status")).to_have_text("Chờ biên tập")
    screenshot(desktop, "day-1-reporter-submitted-1280")

    article = Article.objects.get()
    assert article.status == Status.SUBMITTED
    assert article.bylines.get().author.user == reporter
    body = article.body
    assert "<h2>Diễn biến vụ việc</h2>" in body
    assert "<ul><li>Thu giữ 2 xe máy không giấy tờ</li><li>Lập biên bản" in body
    assert f"<figcaption>{CAPTION}</figcaption>" in body
    image = Image.objects.get()
    assert image.uploaded_by == reporter
    assert f'data-image-id="{image.pk}"' in body


def test_2_the_editor_finds_it_without_diacritics_edits_the_sapo_and_forwards_it(
    live_server, desktop, editor, screenshot
):
    article = story(Status.SUBMITTED)
    story(Status.SUBMITTED, title="Hội nghị tổng kết công tác xây dựng lực lượng năm 2022")
    log_in(desktop, live_server, editor)
    desktop.goto(live_server.url + reverse("admin:articles_article_changelist"))
    desktop.fill("#searchbar", "dieu tra trom cap xe may")
    desktop.press("#searchbar", "Enter")
    rows = desktop.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name=TITLE).click()

    new_sapo = "Công an huyện Đồng Hỷ bắt giữ hai đối tượng trộm cắp, thu giữ 2 xe máy."
    desktop.locator(EDITOR).wait_for()
    desktop.fill("#id_sapo", new_sapo)
    desktop.click("input[name=_continue]")
    expect(desktop.locator(".messagelist .success")).to_be_visible()
    desktop.locator(".nr-button--forward").click()
    expect(desktop.locator("#nr-status")).to_have_text("Chờ duyệt")
    screenshot(desktop, "day-2-editor-forwarded-1280")
    article.refresh_from_db()
    assert (article.status, article.sapo) == (Status.FORWARDED, new_sapo)


def test_3_the_approver_passes_two_step_log_in_and_publishes_it(
    live_server, desktop, approver, screenshot
):
    article = story(Status.FORWARDED)
    with_authenticator(approver)
    log_in(desktop, live_server, approver)  # password, then the app's code
    assert "/xac-thuc/" not in desktop.url
    desktop.goto(change_url(live_server, article))
    desktop.locator(".nr-button--approve").click()
    expect(desktop.locator("#nr-status")).to_have_text("Đã xuất bản")
    screenshot(desktop, "day-3-approver-published-1280")
    article.refresh_from_db()
    assert article.is_published()
    assert article.transitions.get().by == approver


def test_4_a_reader_on_a_phone_finds_reads_and_searches_for_it(live_server, phone, screenshot):
    article = story(Status.PUBLISHED)
    make_article(title="Hội nghị tổng kết công tác xây dựng lực lượng năm 2022")
    phone.goto(live_server.url + "/")
    headline = phone.get_by_role("link", name=TITLE).first
    expect(headline).to_be_visible()
    headline.click()

    expect(phone.locator("h1")).to_have_text(TITLE)
    assert "Lê Thị Hạnh (Công an huyện Đồng Hỷ)" in phone.locator(".article__byline").inner_text()
    when = phone.locator(".article__meta time")
    expect(when).to_be_visible()
    assert dt.datetime.fromisoformat(when.get_attribute("datetime")) == article.published_at
    figure = phone.locator("main figure").filter(has_text=CAPTION)
    figure.scroll_into_view_if_needed()
    expect(figure.locator("figcaption")).to_have_text(CAPTION)
    expect(figure.locator("img")).to_be_visible()
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert not page_overflows(phone)
    screenshot(phone, "day-4-reader-article-390")

    phone.get_by_role("link", name="Tìm kiếm").first.click()
    phone.fill("#search-q", "trom cap xe may dong hy")
    phone.press("#search-q", "Enter")
    results = phone.locator("main").get_by_role("link", name=TITLE)
    expect(results).to_be_visible()
    assert phone.locator("main").get_by_text("Hội nghị tổng kết").count() == 0
    assert not page_overflows(phone)
    screenshot(phone, "day-4-reader-search-390")


def test_5_photo_staff_upload_ten_photos_and_one_bad_file_is_refused(
    live_server, desktop, photo_staff, tmp_path: Path, screenshot
):
    files = []
    for n in range(1, 11):
        path = tmp_path / f"IMG_30{n:02d}.JPG"
        path.write_bytes(HTML_PAGE if n == 7 else jpeg_bytes((800, 600)))
        files.append(str(path))
    log_in_quickly(desktop, live_server, photo_staff)
    desktop.goto(live_server.url + reverse("admin:photos_image_upload"))
    desktop.set_input_files("[data-input]", files)
    expect(desktop.locator("[data-next]")).to_be_visible(timeout=SLOW_STEP_MS)

    expect(desktop.locator("[data-overall]")).to_have_attribute("value", "100")
    expect(desktop.locator("[data-summary]")).to_have_text("Đã xong 10/10 tệp, 1 tệp bị từ chối")
    rows = desktop.locator("[data-files] .uploader__file")
    expect(rows.and_(desktop.locator(".is-done"))).to_have_count(9)
    refused = rows.and_(desktop.locator(".is-failed"))
    expect(refused).to_have_count(1)
    expect(refused.locator(".uploader__name")).to_have_text("IMG_3007.JPG")
    expect(refused.locator(".uploader__status")).to_contain_text("trang web hoặc mã script")
    expect(desktop.locator("[data-captions-link]")).to_contain_text("9")
    screenshot(desktop, "day-5-photo-upload-1280")
    assert Image.objects.count() == 9


def test_6_two_editors_save_the_same_article_and_the_second_keeps_their_text(
    live_server, new_page, editor, other_editor, screenshot
):
    article = story(Status.SUBMITTED)
    first, second = new_page(), new_page()
    for page, user in [(first, editor), (second, other_editor)]:
        log_in_quickly(page, live_server, user)
        page.goto(change_url(live_server, article))
        page.locator(EDITOR).wait_for()

    first.fill("#id_sapo", "Sapo do biên tập viên thứ nhất sửa.")
    first.click("input[name=_continue]")
    expect(first.locator(".messagelist .success")).to_be_visible()

    theirs = "Sapo do biên tập viên thứ hai sửa, không được mất."
    second.fill("#id_sapo", theirs)
    second.click("input[name=_continue]")
    expect(second.locator(".errornote, .errorlist").first).to_be_visible()
    expect(second.locator("#article_form")).to_contain_text("đã lưu bài này lúc")
    assert second.input_value("#id_sapo") == theirs
    screenshot(second, "day-6-second-save-refused-1280")
    article.refresh_from_db()
    assert article.sapo == "Sapo do biên tập viên thứ nhất sửa."


def test_7_the_approver_takes_it_down_and_the_reader_gets_410(
    live_server, desktop, phone, approver, page_problems, screenshot
):
    article = story(Status.PUBLISHED)
    phone.goto(live_server.url + article.get_absolute_url())
    expect(phone.locator("h1")).to_have_text(TITLE)

    with_authenticator(approver)
    log_in(desktop, live_server, approver)
    desktop.goto(change_url(live_server, article))
    desktop.fill("#nr-comment-take_down", "Thông tin về đối tượng chưa được xác minh")
    desktop.locator(".nr-button--take_down").click()
    expect(desktop.locator("#nr-status")).to_have_text("Đã gỡ")
    expect(desktop.locator(".nr-workflow__state")).to_contain_text("chưa được xác minh")
    screenshot(desktop, "day-7-approver-took-down-1280")

    page_problems.allow("status of 410")  # the reader's page is gone, as it should be
    response = phone.reload()
    assert response.status == 410
    expect(phone.locator("h1")).to_have_text("Bài viết đã được gỡ")
    assert not page_overflows(phone)
    screenshot(phone, "day-7-reader-410-390")
    article.refresh_from_db()
    assert article.takedown_reason == "Thông tin về đối tượng chưa được xác minh"
