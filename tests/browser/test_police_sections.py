"""The police sections in Chromium: a reader on a phone finds a crime warning from the home
page; an approver withdraws a wanted notice and it is gone, photo and all."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from notices.models import WantedNotice
from tests.browser.conftest import SLOW_STEP_MS, log_in_quickly, page_overflows
from tests.factories import make_article, make_channel, make_notice, make_question, make_warning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARNING = "Cảnh báo thủ đoạn giả danh công an gọi điện yêu cầu “cập nhật định danh”"


def test_a_reader_on_a_phone_finds_a_warning_from_the_home_page(live_server, phone, screenshot):
    make_channel(name="Trực ban Công an tỉnh (24/7)", phone="0200 3 800 113")
    for i in range(4):
        make_article(title=f"Tin an ninh trật tự trong ngày số {i}", featured=i < 2)
    make_warning(
        title=WARNING,
        warning_signs="Người gọi xưng là cán bộ công an\nYêu cầu cài ứng dụng lạ",
        warning_advice="Dập máy, không làm theo\nGọi 113 hoặc đến Công an xã",
    )
    phone.goto(live_server.url + "/")
    block = phone.locator(".warnings-strip")
    block.scroll_into_view_if_needed()
    expect(block.get_by_role("heading", name="Cảnh báo tội phạm")).to_be_visible()
    assert not page_overflows(phone)
    block.get_by_role("link", name=WARNING).click()
    expect(phone.locator("h1")).to_have_text(WARNING)
    box = phone.locator(".warning-box")
    expect(box.get_by_text("Dấu hiệu nhận biết")).to_be_visible()
    expect(box.get_by_text("Gọi 113 hoặc đến Công an xã")).to_be_visible()
    expect(phone.locator(".report-box")).to_contain_text("0200 3 800 113")
    assert not page_overflows(phone)
    screenshot(phone, "warning-390")
    # Its method leads to the other warnings of the kind.
    box.get_by_role("link", name="Giả danh công an").click()
    expect(phone.locator("h1")).to_have_text("Giả danh công an")
    assert not page_overflows(phone)
    for path, name in (("/truy-na/", "wanted"), ("/to-giac-toi-pham/", "reporting")):
        make_notice() if name == "wanted" else None
        phone.goto(live_server.url + path)
        assert not page_overflows(phone)
        screenshot(phone, f"{name}-390")


def test_an_approver_withdraws_a_notice_and_it_is_gone(
    live_server, desktop, new_page, approver, page_problems, screenshot
):
    notice = make_notice(full_name="Nguyễn Văn Minh Họa", decision_number="15/QĐ-CSĐT")
    make_question()
    photo_url = notice.photos.first().image.file.url
    reader = new_page(390, 844)
    reader.goto(live_server.url + notice.get_absolute_url())
    expect(reader.locator("h1")).to_have_text("Nguyễn Văn Minh Họa")
    screenshot(reader, "notice-390")

    log_in_quickly(desktop, live_server, approver)
    desktop.goto(live_server.url + reverse("admin:notices_wantednotice_change", args=[notice.pk]))
    desktop.get_by_text("Đình nã…").click()
    desktop.fill("#id_decision_number", "03/QĐ-CSĐT")
    desktop.fill("#id_decision_date", timezone.localdate().isoformat())
    desktop.select_option("#id_reason", "arrested")
    screenshot(desktop, "notice-withdraw-1280")
    with desktop.expect_navigation(timeout=SLOW_STEP_MS):
        desktop.get_by_role("button", name="Đình nã thông báo").click()
    expect(desktop.locator(".messagelist")).to_contain_text("đã được đình nã")
    expect(desktop.locator(".nr-history")).to_contain_text("03/QĐ-CSĐT")
    expect(desktop.locator(".nr-history")).to_contain_text(approver.username)
    screenshot(desktop, "notice-withdrawn-desk-1280")
    assert WantedNotice.objects.get(pk=notice.pk).is_withdrawn

    # The reader's next visit: 410 with the short notice; the photo is gone.
    page_problems.allow("410")
    page_problems.allow("404")
    response = reader.goto(live_server.url + notice.get_absolute_url())
    assert response.status == 410
    expect(reader.locator(".withdrawal__text")).to_contain_text("03/QĐ-CSĐT")
    screenshot(reader, "notice-gone-390")
    assert reader.goto(live_server.url + photo_url).status == 404
    reader.goto(live_server.url + "/truy-na/")
    expect(reader.locator("body")).not_to_contain_text("Nguyễn Văn Minh Họa")
