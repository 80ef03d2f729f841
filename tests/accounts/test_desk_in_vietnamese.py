"""The desk reads in Vietnamese: no English word of a user interface on any page a role can
open (the server's HTML; tests/browser/test_desk.py reads the same pages in Chromium,
after their scripts have run)."""

import json

import pytest
from django.utils import timezone, translation

from articles.admin.articles import status_badge
from tests.admin_pages import article_pages, desk_pages, desk_world, english_in, page_text
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "approver", "photo_staff", "administrator"]


@pytest.fixture
def world(reporter, editor, approver, photo_staff, administrator, now):
    return desk_world(
        reporter=reporter,
        editor=editor,
        approver=approver,
        photo_staff=photo_staff,
        administrator=administrator,
    )


@pytest.mark.parametrize("role", ROLES)
def test_no_english_on_any_desk_page_a_role_can_open(role, world, client, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    pages = desk_pages(client, user, every=article_pages(world.values()))
    assert len(pages) >= 10, sorted(pages)
    english = {
        path: found for path, html in pages.items() if (found := english_in(page_text(html)))
    }
    report = "\n".join(f"{p}: {w}" for p, w in english.items())
    assert english == {}, report


def test_our_catalogue_wins_over_djangos_own_vietnamese(client, editor):
    """LOCALE_PATHS comes first for the same msgid: Django's "Bản ghi nhớ" is our "Lịch sử"."""
    with translation.override("vi"):
        assert translation.gettext("History") == "Lịch sử"
        assert translation.gettext("Add %(name)s") % {"name": "bài viết"} == "Thêm bài viết"
        assert translation.gettext(" By %(filter_title)s ").strip() == "Theo %(filter_title)s"
        assert translation.ngettext("%(num)d day", "%(num)d days", 2) % {"num": 2} == "2 ngày"
    # The admin's scripts read theirs from the JavaScript catalogue.
    client.force_login(editor)
    catalogue = client.get("/quan-tri/jsi18n/").content.decode()
    for translated in ["Đã chọn %(sel)s/%(cnt)s", "Thứ hai"]:
        assert json.dumps(translated)[1:-1] in catalogue


def test_the_scheduled_badge_counts_down_in_vietnamese(db, now):
    article = make_article(published_at=timezone.now() + timezone.timedelta(days=1, hours=3))
    badge = str(status_badge(article)).replace("\xa0", " ")
    assert "Hẹn giờ" in badge and "còn 1 ngày" in badge
    assert "day" not in badge
