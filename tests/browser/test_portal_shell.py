"""The portal's shell in Chromium at 390 and 1280 px: the police masthead, a section bar that
says it scrolls and reaches every sub-section, the footer from the portal's identity, and
card pictures no larger than their slot."""

import pytest

from public.models import PortalIdentity
from tests.browser.conftest import page_overflows
from tests.factories import jpeg_bytes, make_article, make_image, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portal(db):
    """A province with many sections (the bar overflows a phone) and a sub-section."""
    PortalIdentity.objects.update_or_create(
        pk=PortalIdentity.SINGLETON,
        defaults={
            "masthead_kicker": "Cổng thông tin điện tử",
            "motto": "Vì nước quên thân, vì dân phục vụ",
            "governing_agency": "Công an tỉnh Sông Lam",
            "responsible_person": "Đại tá Hà Minh Triết, Giám đốc Công an tỉnh",
            "address": "Số 18 đường Lê Lợi, phường Trung Tâm, tỉnh Sông Lam",
            "duty_phone": "0200 3855 113",
            "email": "banbientap@congan.example.vn",
            "licence": "Giấy phép số 45/GP-TTĐT do Sở Khoa học và Công nghệ cấp.",
            "public_services_url": "https://dichvucong.bocongan.gov.vn/",
        },
    )
    names = ["Tin tức – Sự kiện", "An ninh trật tự", "Xây dựng lực lượng",
             "Phòng cháy chữa cháy", "Trật tự an toàn giao thông", "Chuyển đổi số"]  # fmt: skip
    sections = [make_section(name, position=i) for i, name in enumerate(names)]
    sub = make_section("Cải cách hành chính", parent=sections[-1], position=9)
    lead = make_article(
        title="Công an tỉnh ra quân đợt cao điểm tấn công trấn áp tội phạm cuối năm",
        featured=True,
        cover=make_image(data=jpeg_bytes((1920, 1280)), caption="Lễ ra quân", credit="Ảnh: Hà"),
        section=sections[0],
    )
    for i in range(12):
        make_article(
            title=f"Công an xã tuyên truyền phòng chống lừa đảo trên không gian mạng đợt {i}",
            cover=make_image(data=jpeg_bytes((1920, 1280))),
            featured=i < 4,
            section=sections[i % len(sections)],
        )
    return {"lead": lead, "sub": sub}


def test_the_masthead_and_footer_read_as_the_police_portal(
    live_server, phone, desktop, portal, screenshot
):
    for width, page in [(390, phone), (1280, desktop)]:
        page.goto(live_server.url + "/")
        emblem = page.locator(".masthead .brand__emblem")
        assert emblem.is_visible()
        assert emblem.evaluate("img => img.complete && img.naturalWidth > 0")
        assert "CÔNG AN TỈNH SÔNG LAM" in page.locator(".brand__name").inner_text().upper()
        background = page.locator(".masthead").evaluate("e => getComputedStyle(e).backgroundImage")
        assert "gradient" in background  # the force's red
        footer = page.locator("footer.site-footer").inner_text()
        for line in ["Cơ quan chủ quản", "Chịu trách nhiệm chính", "Đại tá Hà Minh Triết",
                     "0200 3855 113", "banbientap@congan.example.vn", "Giấy phép số 45/GP-TTĐT",
                     "Dịch vụ công"]:  # fmt: skip
            assert line in footer, (width, line)
        motto = page.locator(".masthead__motto")
        assert motto.is_visible() == (width == 1280)  # beside the name on a wide screen
        assert not page_overflows(page), width
        screenshot(page, f"portal-shell-{width}")


def test_on_a_phone_the_section_bar_says_it_scrolls_and_reaches_every_sub_section(
    live_server, phone, portal
):
    phone.goto(live_server.url + "/")
    bar = phone.locator(".nav__list")
    overflow = bar.evaluate(
        """e => ({more: e.scrollWidth > e.clientWidth,
                  mask: getComputedStyle(e).maskImage || getComputedStyle(e).webkitMaskImage})"""
    )
    assert overflow["more"]
    assert "gradient" in overflow["mask"]  # its right edge fades: there is more to the side
    assert not page_overflows(phone)
    phone.locator(".nav__all summary").click()
    sub = phone.locator(".nav__panel").get_by_role("link", name="Cải cách hành chính")
    assert sub.is_visible()
    sub.click()
    phone.wait_for_url(f"**{portal['sub'].get_absolute_url()}")


def test_on_a_desktop_sub_sections_open_under_their_section(live_server, desktop, portal):
    desktop.goto(live_server.url + "/")
    sub = desktop.locator(".nav__sub").get_by_role("link", name="Cải cách hành chính")
    assert not sub.is_visible()
    desktop.locator(".nav__item--parent > a", has_text="Chuyển đổi số").hover()
    assert sub.is_visible()
    desktop.keyboard.press("Escape")
    # By keyboard too: focus within the section opens its sub-sections.
    desktop.mouse.move(0, 600)
    desktop.locator(".nav__item--parent > a", has_text="Chuyển đổi số").focus()
    assert sub.is_visible()


def test_card_thumbnails_download_the_rendition_their_slot_needs(live_server, phone, portal):
    phone.goto(live_server.url + "/", wait_until="networkidle")
    phone.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 500) {
                window.scrollTo(0, y); await new Promise(r => setTimeout(r, 100)); }
        }"""
    )
    phone.wait_for_load_state("networkidle")
    sources = phone.evaluate(
        """() => Object.fromEntries(['featured', 'row', 'headline', 'block-lead'].map(size =>
            [size, [...document.querySelectorAll(`.card--${size} img`)].map(i => i.currentSrc)]))"""
    )
    # A 7.5rem thumbnail on a 2× phone is 240 device pixels: the 320 px rendition.
    for size in ["featured", "row"]:
        assert sources[size], size
        assert all(src.endswith("/320.webp") for src in sources[size]), sources[size]
    # The full-width headline: 358 px × 2 — the 960 px rendition, never 1280 or 1920.
    assert all(src.endswith("/960.webp") for src in sources["headline"]), sources["headline"]
    assert not any(
        src.endswith(("/1280.webp", "/1920.webp")) for srcs in sources.values() for src in srcs
    )
