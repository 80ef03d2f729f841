"""Photo staff upload a batch in a real browser; readers swipe through a photo story."""

import pytest
from playwright.sync_api import expect

from articles.models import GalleryItem
from photos.models import Image
from tests.browser.conftest import SLOW_STEP_MS, log_in_quickly, page_overflows
from tests.factories import HTML_PAGE, jpeg_bytes, make_article, make_image, phone_photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def batch(tmp_path):
    files = {
        "IMG_2041.JPG": phone_photo((1600, 1200)),
        "IMG_2042.JPG": phone_photo((1200, 1600), orientation=1),
        "bao-cao.jpg": HTML_PAGE,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [str(tmp_path / name) for name in files]


@pytest.mark.parametrize("width", [1280, 390])
def test_photo_staff_upload_a_batch_and_caption_it(
    live_server, new_page, photo_staff, batch, screenshot, width
):
    page = new_page(width, 900)
    log_in_quickly(page, live_server, photo_staff)
    page.goto(live_server.url + "/quan-tri/photos/image/upload/")
    assert page.locator(".uploader__nojs").is_hidden()  # the script took over the form

    page.set_input_files("[data-input]", batch)
    page.wait_for_selector("[data-next]:not([hidden])", timeout=SLOW_STEP_MS)
    rows = page.locator("[data-files] .uploader__file")
    assert rows.count() == 3
    assert page.locator("[data-files] .is-done").count() == 2
    failed = page.locator("[data-files] .is-failed")
    assert "trang web hoặc mã script" in failed.inner_text()
    assert "Đã xong 3/3 tệp, 1 tệp bị từ chối" in page.locator("[data-summary]").inner_text()
    assert page.locator("[data-overall]").get_attribute("value") == "100"
    assert not page_overflows(page)
    screenshot(page, f"photo-upload-{width}")

    page.click("[data-captions-link]")
    page.wait_for_selector(".captions__row")
    assert page.locator(".captions__row").count() == 2
    page.fill("#id_all-credit", "Ảnh: Đỗ Thu Trang")
    page.fill("#id_form-0-caption", "Lực lượng chức năng có mặt tại hiện trường")
    assert not page_overflows(page)
    screenshot(page, f"photo-captions-{width}")
    page.click(".submit-row input[type=submit]")
    page.wait_for_selector(".image-grid")
    assert not page_overflows(page)
    screenshot(page, f"photo-library-{width}")
    assert set(Image.objects.values_list("credit", flat=True)) == {"Ảnh: Đỗ Thu Trang"}


def test_focal_point_is_set_by_clicking_the_photo(live_server, desktop, photo_staff, screenshot):
    image = make_image(data=jpeg_bytes((1600, 900)), caption="Lễ ra quân")
    log_in_quickly(desktop, live_server, photo_staff)
    desktop.goto(f"{live_server.url}/quan-tri/photos/image/{image.pk}/change/")
    picture = desktop.locator(".focal-picker img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.4})
    assert desktop.input_value("#id_focal_x") == "0.25"
    assert desktop.input_value("#id_focal_y") == "0.40"
    screenshot(desktop, "photo-focal-point-1280")
    desktop.click("input[name=_save]")
    desktop.wait_for_selector(".image-grid")
    image.refresh_from_db()
    assert image.focal_point == (0.25, 0.4)
    assert image.renditions["social"] == "og-25-40.jpg"


def test_a_reader_steps_through_a_photo_story_with_keys_and_buttons(live_server, phone, screenshot):
    article = make_article(
        title="Toàn cảnh lễ ra quân đợt cao điểm tấn công trấn áp tội phạm cuối năm",
        cover=make_image(data=jpeg_bytes((1600, 1000))),
    )
    for position in range(3):
        GalleryItem.objects.create(
            article=article,
            image=make_image(
                data=jpeg_bytes((1200, 800)), caption=f"Khoảnh khắc số {position + 1}"
            ),
            position=position,
        )
    phone.goto(live_server.url + article.get_absolute_url())
    status = phone.locator("[data-gallery-status]")
    assert status.inner_text() == "1 / 3"
    phone.locator(".gallery__track").focus()
    phone.keyboard.press("ArrowRight")
    expect(phone.locator("[data-gallery-status]")).to_have_text("2 / 3")
    phone.click("[data-gallery-next]")
    expect(phone.locator("[data-gallery-status]")).to_have_text("3 / 3")
    assert phone.locator("[data-gallery-next]").is_disabled()
    assert not page_overflows(phone)
    # Let the smooth scroll settle before the picture is taken.
    expect(phone.locator(".gallery__track > :last-child")).to_be_in_viewport()
    screenshot(phone, "article-photo-story-390")


def test_without_javascript_the_photo_story_is_still_every_photo(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    article = make_article()
    for position in range(3):
        GalleryItem.objects.create(
            article=article, image=make_image(caption=f"Ảnh {position}"), position=position
        )
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator(".gallery__item img").count() == 3
    assert page.locator("[data-gallery-controls]").is_hidden()
    context.close()
