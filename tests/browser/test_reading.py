"""A reader on a phone and on a desktop: pages fit the screen and show the story."""

import pytest

from tests.browser.conftest import page_overflows
from tests.factories import jpeg_bytes, make_article, make_author, make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def articles(db):
    author = make_author("Nguyễn Văn An", "Công an huyện Phú Lương")
    lead = make_article(
        title="Ra quân đợt cao điểm tấn công trấn áp tội phạm bảo đảm bình yên dịp cuối năm",
        sapo="Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân tại quảng trường trung tâm tỉnh.",
        body="<p>" + "Lực lượng Công an toàn tỉnh đồng loạt ra quân. " * 30 + "</p>",
        cover=make_image(data=jpeg_bytes((1600, 1000)), caption="Lễ ra quân", credit="Ảnh: Hà"),
        featured=True,
        authors=[author],
    )
    others = [
        make_article(
            title=f"Công an xã tuyên truyền phòng chống lừa đảo trên không gian mạng đợt {i}",
            cover=make_image(data=jpeg_bytes((800, 500))),
            featured=i < 3,
            authors=[author],
        )
        for i in range(6)
    ]
    return lead, others


def test_home_fits_a_phone_screen(live_server, phone, articles, screenshot):
    lead, _others = articles
    phone.goto(live_server.url + "/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert phone.get_by_role("link", name=lead.title).first.is_visible()
    assert not page_overflows(phone)
    screenshot(phone, "home-390")


def test_article_reads_on_a_phone_and_a_desktop(live_server, phone, desktop, articles, screenshot):
    lead, _others = articles
    for name, page in [("390", phone), ("1280", desktop)]:
        page.goto(live_server.url + lead.get_absolute_url())
        assert page.locator("h1").inner_text() == lead.title
        assert (
            "Nguyễn Văn An (Công an huyện Phú Lương)" in page.locator(".article__meta").inner_text()
        )
        assert not page_overflows(page)
        screenshot(page, f"article-{name}")
    desktop.goto(live_server.url + "/")
    screenshot(desktop, "home-1280")
