"""The public site in Chromium: accessibility (axe-core), layout at 390/1280 px, weight."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from articles.models import Article, Campaign, Section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe-core 4.14.1 (MPL-2.0), vendored with its licence: no download at test time.
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# HTML, CSS, fonts and scripts of an article page before its images, as served (uncompressed
# here; gzip makes it about a third). 150 KB until the article got its right column (related,
# most read, latest, the report box: about 7 KB of HTML).
BUDGET_BYTES = 160 * 1024


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def media_root(settings, demo_media):
    """The demo's photos stay on disk for every test of this module."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="module")
def demo_data(
    django_db_setup, django_db_blocker, demo_media, tmp_path_factory, small_demo_data
) -> Path:
    """Seed the demo newsroom once (photos and all), keep it as a fixture file, empty the database.

    Every test here is transactional (the live server must see the rows), so the database is
    emptied after each one; loading the saved rows again costs far less than seeding again.
    """
    path = tmp_path_factory.mktemp("demo") / "demo.json"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        call_command("seed_demo", data=small_demo_data, stdout=io.StringIO())
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            # Roles and their groups are made by every migrate and flush (accounts/roles.py).
            exclude=[
                "contenttypes",
                "auth.permission",
                "auth.group",
                "accounts.grouprole",
                "sessions",
                "admin.logentry",
            ],  # fmt: skip
            output=str(path),
        )
        call_command("flush", interactive=False, verbosity=0)
    return path


@pytest.fixture
def demo(db, demo_data):
    call_command("loaddata", str(demo_data), verbosity=0)
    article = Article.objects.published().exclude(cover=None).filter(featured=True).first()
    campaign = Campaign.objects.filter(articles__in=Article.objects.published()).first()
    section = Section.objects.filter(parent=None).first()
    return {
        "home": "/",
        "section": section.get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": "/tim-kiem/?q=an+ninh+to+quoc",
        "campaign": campaign.get_absolute_url(),
    }


def load(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    # Scroll down and back so that lazy images load, as a reader's scrolling would.
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 600) {
                window.scrollTo(0, y);
                await new Promise(r => setTimeout(r, 80));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")


def serious_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_no_serious_accessibility_violation(live_server, browser, demo):
    found = {}
    for width in [1280, 390]:
        # axe is injected as an inline script: the test itself bypasses the site's CSP.
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        for name in ["home", "section", "article", "search"]:
            load(page, live_server.url + demo[name])
            assert page.locator("h1").count() == 1, name
            assert page.locator("html").get_attribute("lang") == "vi"
            assert page.locator("main#main").count() == 1
            assert page.locator("header").first.is_visible() and page.locator("footer").count()
            violations = serious_violations(page)
            if violations:
                found[f"{name}@{width}"] = violations
        context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_skip_link_is_first_and_visible_on_focus(live_server, desktop, demo):
    load(desktop, live_server.url + demo["article"])
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert desktop.locator(".skip-link").is_visible()
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_pages_fit_a_phone_and_a_desktop(live_server, phone, desktop, demo, screenshot):
    for width, page in [("390", phone), ("1280", desktop)]:
        for name in ["home", "article", "search", "campaign"]:
            load(page, live_server.url + demo[name])
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways at {width} px by {overflow} px"
            screenshot(page, f"site-{name}-{width}")


def test_article_page_is_light_and_images_do_not_shift(live_server, phone, demo):
    load(phone, live_server.url + demo["article"])
    sizes = phone.evaluate(
        """() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const out = {html: nav.encodedBodySize, other: {}};
            for (const r of performance.getEntriesByType('resource')) {
                if (r.initiatorType === 'img') continue;
                out.other[r.name] = r.encodedBodySize;
            }
            return out;
        }"""
    )
    fonts = [url for url in sizes["other"] if url.endswith(".woff2")]
    assert fonts, "the self-hosted font is used"
    total = sizes["html"] + sum(sizes["other"].values())
    assert total < BUDGET_BYTES, f"{total} bytes before images: {sizes}"
    images = phone.evaluate(
        """() => [...document.images].map(img => ({
            src: img.currentSrc, width: img.getAttribute('width'),
            height: img.getAttribute('height'), loading: img.loading,
            top: img.getBoundingClientRect().top + window.scrollY}))"""
    )
    for image in images:
        assert image["width"] and image["height"], image
        if image["top"] > 2 * 844:  # well below the first screen
            assert image["loading"] == "lazy", image


def test_copy_link_button_copies_the_address(live_server, browser, demo):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    load(page, live_server.url + demo["article"])
    button = page.get_by_role("button", name="Sao chép liên kết")
    button.click()
    page.get_by_role("button", name="Đã sao chép liên kết").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(demo["article"])
    context.close()
