"""The desk in Chromium, as each role: the front page that says what waits, an article list
that fits a 1280 px screen, and not one English word on any page the role can open — read
as the browser shows it, once the pages' scripts have run (the selection counter, the
calendar, CKEditor)."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.admin_pages import article_pages, desk_pages, desk_world, english_in
from tests.browser.conftest import log_in_quickly, page_overflows
from tests.factories import make_article, make_author

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["reporter", "editor", "approver", "photo_staff", "administrator"]

# What the browser shows: the text of the page, and the labels of what is visible.
VISIBLE_TEXT = """() => {
    // Machine text (a setup key, a recovery code) is not words of the interface.
    let text = document.body.innerText;
    for (const code of document.querySelectorAll('code')) text = text.replace(code.innerText, ' ');
    const out = [document.title, text];
    for (const el of document.body.querySelectorAll('*')) {
        if (!el.checkVisibility()) continue;
        for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
            const value = el.getAttribute(name);
            if (value) out.push(value);
        }
        if (el.tagName === 'INPUT' && ['submit', 'button'].includes(el.type)) out.push(el.value);
    }
    for (const option of document.querySelectorAll('select option')) out.push(option.text);
    return out.join('\\n');
}"""


@pytest.fixture
def world(reporter, editor, approver, photo_staff, administrator):
    return desk_world(
        reporter=reporter,
        editor=editor,
        approver=approver,
        photo_staff=photo_staff,
        administrator=administrator,
    )


# What each role finds on the desk's front page, and what it must not.
FRONT_PAGE = {
    "reporter": (["Bài của tôi", "Viết bài mới", "Xem lại số liệu."], ["Chờ duyệt"]),
    "editor": (["Chờ biên tập", "Mở để biên tập", "Lịch đăng bài hôm nay"], ["Mở để duyệt"]),
    "approver": (["Chờ duyệt", "Mở để duyệt", "Chờ biên tập", "Lịch đăng bài hôm nay"], []),
    "photo_staff": (["Thư viện ảnh", "Tải ảnh lên", "Ảnh mới tải lên"], ["Bài của tôi"]),
    "administrator": (["Chờ duyệt", "Thư viện ảnh", "Tài khoản cán bộ"], []),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_what_waits_for_them_on_the_front_page(
    role, world, live_server, new_page, request, screenshot
):
    user = request.getfixturevalue(role)
    for width in (1280, 390):
        page = new_page(width, 900)
        log_in_quickly(page, live_server, user)
        page.goto(live_server.url + reverse("admin:index"))
        text = page.locator("#content").inner_text().lower()  # headings are in capitals
        shown, absent = FRONT_PAGE[role]
        for words in shown:
            assert words.lower() in text, (role, words)
        for words in absent:
            assert words.lower() not in text, (role, words)
        assert not page_overflows(page), f"{role} at {width} px"
        screenshot(page, f"desk-{role}-{width}")
    # One click from the front page to the step: the first item opens the article's form.
    if role in {"reporter", "editor", "approver"}:
        page.locator(".desk-item__title").first.click()
        page.wait_for_url("**/change/")
        assert page.locator("#article_form").count() == 1


def test_the_article_list_fits_a_1280_px_screen(world, live_server, desktop, editor, screenshot):
    long = make_author("Nguyễn Thị Phương Thảo", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn")
    for i in range(6):
        make_article(
            title="Công an tỉnh phối hợp với các sở, ngành tổ chức diễn tập phương án chữa "
            f"cháy và cứu nạn, cứu hộ tại khu công nghiệp Lam Giang lần thứ {i}",
            authors=[long, make_author(f"Trần Văn Bình {i}", "Công an xã Phú Đình")],
        )
    log_in_quickly(desktop, live_server, editor)
    desktop.goto(live_server.url + reverse("admin:articles_article_changelist"))
    assert not page_overflows(desktop)
    layout = desktop.evaluate(
        """() => {
            const results = document.querySelector('#changelist .results');
            const columns = [...document.querySelectorAll('#result_list thead th')].map(th => ({
                name: th.className, right: th.getBoundingClientRect().right}));
            const right = (el) => el.getBoundingClientRect().right;
            const badges = [...document.querySelectorAll('#result_list .nr-badge')].map(b => ({
                clipped: b.scrollWidth > b.clientWidth + 1
                    || right(b) > right(b.closest('td')) + 1}));
            const rows = [...document.querySelectorAll('#result_list tbody tr')].map(
                tr => tr.getBoundingClientRect().height);
            const filter = document.getElementById('changelist-filter').getBoundingClientRect();
            return {scroll: results.scrollWidth - results.clientWidth, columns, badges,
                    tallest: Math.max(...rows), filterLeft: filter.left, width: window.innerWidth,
                    tableRight: right(document.getElementById('result_list'))};
        }"""
    )
    assert layout["scroll"] <= 0, "the table scrolls sideways inside the list"
    names = " ".join(c["name"] for c in layout["columns"])
    for key in ["title", "status_column", "section", "byline_column", "time_column"]:
        assert f"column-{key}" in names, key
    assert all(c["right"] <= layout["width"] for c in layout["columns"])
    assert layout["tableRight"] <= layout["filterLeft"]  # the filters do not cover the table
    assert not any(b["clipped"] for b in layout["badges"])
    assert layout["tallest"] < 90, "rows of normal height (two lines of title at most)"
    screenshot(desktop, "desk-article-list-1280")


@pytest.mark.parametrize("role", ROLES)
def test_no_english_on_any_desk_page_the_role_can_open_as_the_browser_shows_it(
    role, world, live_server, desktop, request
):
    user = request.getfixturevalue(role)
    client = Client()
    client.force_login(user)
    paths = sorted(desk_pages(client, user, every=article_pages(world.values())))
    assert len(paths) >= 10
    log_in_quickly(desktop, live_server, user)
    english = {}
    for path in paths:
        desktop.goto(live_server.url + path, wait_until="load")
        desktop.wait_for_timeout(150)  # scripts that run after load (the calendar shortcuts)
        found = english_in(desktop.evaluate(VISIBLE_TEXT))
        if found:
            english[path] = found
    assert english == {}, "\n".join(f"{path}: {words}" for path, words in english.items())


def test_a_workflow_step_and_its_message_read_as_vietnamese(
    world, live_server, desktop, editor, screenshot
):
    submitted = Article.objects.get(status=Article.Status.SUBMITTED)
    log_in_quickly(desktop, live_server, editor)
    desktop.goto(live_server.url + reverse("admin:articles_article_change", args=[submitted.pk]))
    with desktop.expect_navigation():
        desktop.click(".nr-button--forward")
    message = desktop.locator(".messagelist .success").inner_text()
    assert message == f"Đã chuyển lãnh đạo duyệt bài “{submitted.title}”."
    assert english_in(desktop.evaluate(VISIBLE_TEXT)) == []
