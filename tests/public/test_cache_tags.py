"""Every public response names what it shows (cache tags), and a change purges exactly the
tags it touches: at the proxy or CDN (a recorded purge) and in the app's own page cache."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from articles.models import Article, Author, Tag
from notices.models import Withdrawal
from notices.services import notice_withdraw
from public import cachetags
from public.models import PurgeBatch
from tests.factories import (
    make_article,
    make_document,
    make_image,
    make_notice,
    make_question,
    make_section,
)

Status = Article.Status


def tags_in(response, header: str = "Cache-Tag") -> set[str]:
    value = response.get(header, "")
    return set(filter(None, value.replace(",", " ").split()))


@pytest.fixture
def shown(db, now):
    """Two sections, a tag, an author: a story and an unrelated one."""
    patrol = make_section("An ninh trật tự")
    traffic = make_section("Giao thông")
    drugs = Tag.objects.create(name="Ma túy", slug="ma-tuy")
    story = make_article(title="Tuần tra đêm giữ bình yên khu phố", section=patrol, tags=[drugs])
    other = make_article(title="Xử lý xe quá tải trên quốc lộ", section=traffic)
    return {"patrol": patrol, "traffic": traffic, "drugs": drugs, "story": story, "other": other}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run ``step()`` and commit: the purge it queues is recorded then."""

    def run(step):
        before = set(PurgeBatch.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            step()
        batches = PurgeBatch.objects.exclude(pk__in=before)
        return {t for b in batches for t in b.tags}

    return run


def addresses(shown) -> dict[str, str]:
    story = shown["story"]
    return {
        "home": "/",
        "article": story.get_absolute_url(),
        "section": shown["patrol"].get_absolute_url(),
        "tag": "/the/ma-tuy/",
        "author": story.bylines.first().author.get_absolute_url(),
        "search": "/tim-kiem/?q=tuần+tra",
        "feed": "/rss/",
        "section feed": shown["patrol"].get_absolute_url() + "rss/",
        "json feed": "/feed.json",
        "sitemap": "/sitemap.xml",
        "news sitemap": "/news-sitemap.xml",
        "api list": "/api/v1/articles",
        "api detail": f"/api/v1/articles/{story.pk}",
        "not found": "/khong-co-trang-nay/",
    }


def expected(shown) -> dict[str, set[str]]:
    story, patrol = shown["story"], shown["patrol"]
    author = story.bylines.first().author
    mine = {f"article-{story.pk}", f"section-{patrol.pk}"}
    return {
        "home": {"home", "list-article", "site", *mine},
        "article": {"site", f"tag-{shown['drugs'].pk}", f"author-{author.pk}", *mine},
        "section": {f"list-section-{patrol.pk}", "site", *mine},
        "tag": {f"list-tag-{shown['drugs'].pk}", *mine},
        "author": {f"list-author-{author.pk}", *mine},
        "search": {"search", *mine},
        "feed": {"feeds", "list-article", *mine},
        "section feed": {"feeds", f"list-section-{patrol.pk}", *mine},
        "json feed": {"api", *mine},
        "sitemap": {"sitemaps"},
        "news sitemap": {"sitemaps", f"article-{story.pk}"},
        "api list": {"api"},
        "api detail": {"api"},
        "not found": {"missing"},
    }


KINDS = [
    "home", "article", "section", "tag", "author", "search", "feed", "section feed",
    "json feed", "sitemap", "news sitemap", "api list", "api detail", "not found",
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_every_public_response_names_what_it_shows(client, shown, kind):
    response = client.get(addresses(shown)[kind])
    assert response.status_code in (200, 404)
    tags = tags_in(response)
    assert expected(shown)[kind] <= tags, sorted(tags)
    # The same tags in each header a proxy or CDN reads: Fastly's and Varnish's spaced.
    assert tags_in(response, "Surrogate-Key") == tags
    assert response["xkey"] == " ".join(sorted(tags))


@pytest.mark.parametrize("kind", ["home", "article", "section", "feed"])
def test_a_page_served_from_the_page_cache_keeps_its_tags(client, shown, kind):
    url = addresses(shown)[kind]
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert len(queries) == 0  # from the page cache
    assert tags_in(again) == tags_in(first)
    assert again["Cache-Control"] == first["Cache-Control"]


def test_an_unrelated_article_is_not_named_by_a_story_page(client, shown):
    page = client.get(shown["other"].get_absolute_url())
    assert f"article-{shown['other'].pk}" in tags_in(page)
    # The story is in the side column (latest), but not its section, tag or author lists.
    assert f"list-section-{shown['patrol'].pk}" not in tags_in(page)
    assert f"tag-{shown['drugs'].pk}" not in tags_in(page)


def test_the_headers_are_those_the_settings_name(client, shown, settings):
    settings.CACHE_TAG_HEADERS = ["Surrogate-Key"]
    settings.CACHE_TAG_PREFIX = "tinh1-"
    page = client.get(shown["story"].get_absolute_url())
    assert "Cache-Tag" not in page and "xkey" not in page
    assert f"tinh1-article-{shown['story'].pk}" in tags_in(page, "Surrogate-Key")
    assert all(t.startswith("tinh1-") for t in tags_in(page, "Surrogate-Key"))


def test_no_tag_header_is_sent_when_none_is_configured(client, shown, settings):
    settings.CACHE_TAG_HEADERS = []
    page = client.get("/")
    assert not {"Cache-Tag", "Surrogate-Key", "xkey"} & set(page.headers)
    assert "s-maxage" in page["Cache-Control"]


def test_staff_get_neither_tags_nor_edge_headers(client, shown, editor):
    client.force_login(editor)
    for url in ("/", shown["story"].get_absolute_url(), "/rss/"):
        page = client.get(url)
        assert page.status_code == 200
        assert "private" in page["Cache-Control"], url
        assert "s-maxage" not in page["Cache-Control"], url
        assert "stale-if-error" not in page["Cache-Control"], url
        assert not {"Cache-Tag", "Surrogate-Key", "xkey", "X-Accel-Expires"} & set(page.headers)


def test_anonymous_pages_may_be_kept_and_served_stale_by_the_edge(client, shown, settings):
    settings.EDGE_CACHE_SECONDS = 1800
    settings.EDGE_STALE_WHILE_REVALIDATE = 30
    settings.EDGE_STALE_IF_ERROR = 3600
    for url in ("/", shown["story"].get_absolute_url(), "/rss/", "/sitemap.xml"):
        directives = {d.strip() for d in client.get(url)["Cache-Control"].split(",")}
        assert {"public", "s-maxage=1800", "stale-while-revalidate=30"} <= directives, url
        assert "stale-if-error=3600" in directives, url


def test_a_page_with_more_tags_than_the_limit_keeps_the_limit_and_a_fallback(
    client, shown, settings
):
    for n in range(12):
        make_article(title=f"Bản tin an ninh số {n}", section=shown["patrol"])
    settings.CACHE_TAG_LIMIT = 12
    tags = tags_in(client.get("/"))
    assert len(tags) <= 12
    assert "article-all" in tags  # every article change still reaches this page
    assert "home" in tags  # lists' tags are kept first


def test_fifty_tags_at_most_by_default():
    many = {f"article-{n}" for n in range(80)} | {f"photo-{n}" for n in range(30)} | {"home"}
    kept = cachetags.limited(many)
    assert len(kept) == 50
    assert {"home", "article-all", "photo-all"} <= set(kept)
    assert cachetags.limited({"home", "article-3"}) == ["article-3", "home"]


# --- what a change purges ----------------------------------------------------------------


def test_publishing_purges_the_article_its_lists_home_and_feeds_only(
    client, shown, committed, approver
):
    patrol, drugs = shown["patrol"], shown["drugs"]
    author = Author.objects.create(name="Trần Thị Bình", unit="Phòng Tham mưu")
    fresh = make_article(
        title="Khởi tố nhóm cho vay nặng lãi",
        section=patrol,
        tags=[drugs],
        authors=[author],
        status=Status.FORWARDED,
    )
    other_page = tags_in(client.get(shown["other"].get_absolute_url()))
    traffic_page = tags_in(client.get(shown["traffic"].get_absolute_url()))
    purged = committed(lambda: services.article_approve(article=fresh, by=approver))
    assert {
        f"article-{fresh.pk}",
        f"list-section-{patrol.pk}",
        f"list-tag-{drugs.pk}",
        f"list-author-{author.pk}",
        "home",
        "feeds",
        "list-article",
        "sitemaps",
    } <= purged
    assert f"article-{shown['story'].pk}" not in purged
    assert f"article-{shown['other'].pk}" not in purged
    assert f"list-section-{shown['traffic'].pk}" not in purged
    # So the pages of what did not change stay at the edge.
    assert not purged & other_page
    assert not purged & traffic_page


def test_a_correction_purges_every_page_showing_the_article(client, shown, committed):
    story = shown["story"]
    pages = {url: tags_in(client.get(url)) for url in ("/", story.get_absolute_url(), "/rss/")}

    def correct():
        story.title = "Tuần tra đêm giữ bình yên từng khu phố"
        story.save()

    purged = committed(correct)
    for url, tags in pages.items():
        assert purged & tags, url
    assert f"list-section-{shown['traffic'].pk}" not in purged


def test_a_take_down_purges_the_article_and_its_lists(client, shown, committed, approver):
    story = shown["story"]
    purged = committed(
        lambda: services.article_take_down(article=story, by=approver, reason="Sai sự thật")
    )
    assert {f"article-{story.pk}", f"list-section-{shown['patrol'].pk}", "home"} <= purged
    assert f"article-{shown['other'].pk}" not in purged


def test_a_withdrawal_purges_the_notice_its_list_home_and_feeds(client, db, committed, approver):
    notice = make_notice(photos=1)
    unrelated = make_notice(photos=0)
    page = tags_in(client.get(notice.get_absolute_url()))
    assert f"notice-{notice.pk}" in page
    purged = committed(
        lambda: notice_withdraw(
            notice=notice,
            by=approver,
            decision_number="03/QĐ-CSĐT",
            decision_date=notice.decision_date,
            reason=Withdrawal.Reason.ARRESTED,
        )
    )
    assert {f"notice-{notice.pk}", "list-notice", "home", "feeds"} <= purged
    assert f"notice-{unrelated.pk}" not in purged
    assert not purged & tags_in(client.get(unrelated.get_absolute_url())) - {"site"}


def test_a_change_is_recorded_once_for_its_whole_transaction(shown, committed):
    before = PurgeBatch.objects.count()
    committed(lambda: make_article(title="Một bài mới", section=shown["patrol"]))
    assert PurgeBatch.objects.count() == before + 1


# --- the app's own page cache ------------------------------------------------------------


def test_after_a_publish_untouched_pages_stay_cached_and_touched_ones_are_rebuilt(
    client, shown, committed, approver
):
    story, other = shown["story"], shown["other"]
    untouched = [other.get_absolute_url(), shown["traffic"].get_absolute_url(), "/the/ma-tuy/"]
    touched = ["/", shown["patrol"].get_absolute_url(), "/rss/"]
    for url in untouched + touched + [story.get_absolute_url()]:
        client.get(url)
    fresh = make_article(
        title="Khởi tố nhóm cho vay nặng lãi", section=shown["patrol"], status=Status.FORWARDED
    )
    committed(lambda: services.article_approve(article=fresh, by=approver))
    for url in untouched:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200
        assert len(queries) == 0, (url, [q["sql"] for q in queries])
    for url in touched:
        assert fresh.title in client.get(url).content.decode(), url


def test_a_corrected_article_is_rebuilt_on_its_page_the_others_stay_cached(
    client, shown, committed, now
):
    story = shown["story"]
    story.published_at = timezone.now() - dt.timedelta(days=3)
    story.save()
    newer = [
        make_article(title=f"Bản tin giao thông số {n}", section=shown["traffic"])
        for n in range(10)
    ]
    client.get(story.get_absolute_url())
    # Pages that do not show the story (it is past their "latest" and "related" columns).
    elsewhere = [
        a.get_absolute_url()
        for a in newer
        if f"article-{story.pk}" not in tags_in(client.get(a.get_absolute_url()))
    ]
    assert elsewhere

    def correct():
        story.title = "Tuần tra đêm giữ bình yên từng khu phố"
        story.save()

    committed(correct)
    assert "từng khu phố" in client.get(story.get_absolute_url()).content.decode()
    for url in elsewhere:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == 0, url


# --- the other content types ---------------------------------------------------------------


def test_notice_question_and_document_pages_name_what_they_show(client, db, now):
    notice, question, document = make_notice(photos=1), make_question(), make_document()
    photo = notice.photos.first().image
    pages = {
        notice.get_absolute_url(): {f"notice-{notice.pk}", f"photo-{photo.pk}"},
        "/truy-na/": {"list-notice", f"notice-{notice.pk}"},
        question.get_absolute_url(): {f"question-{question.pk}"},
        "/hoi-dap/": {"list-question", f"question-{question.pk}"},
        document.get_absolute_url(): {f"document-{document.pk}"},
        "/van-ban/": {"list-document", f"document-{document.pk}"},
    }
    for url, wanted in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert wanted <= tags_in(response), (url, sorted(tags_in(response)))


def test_a_photo_changed_in_the_library_purges_the_pages_showing_it(client, shown, committed):
    cover = make_image()
    story = shown["story"]
    story.cover = cover
    story.save()
    page = tags_in(client.get(story.get_absolute_url()))
    assert f"photo-{cover.pk}" in page

    def describe():
        cover.alt_text = "Tổ tuần tra trên đường làng"
        cover.save()

    purged = committed(describe)
    assert f"photo-{cover.pk}" in purged
    assert f"article-{shown['other'].pk}" not in purged
    assert "home" not in purged  # a photo is not a new item of any list


def test_tagging_an_article_purges_the_tag_page_it_joins(client, shown, committed):
    story = shown["story"]
    robbery = Tag.objects.create(name="Cướp giật", slug="cuop-giat")
    purged = committed(lambda: story.tags.add(robbery))
    assert {f"list-tag-{robbery.pk}", f"article-{story.pk}"} <= purged
    assert f"article-{shown['other'].pk}" not in purged


def test_a_change_rolled_back_is_not_purged_with_the_next_one(shown, committed):
    story, other = shown["story"], shown["other"]
    with pytest.raises(RuntimeError), transaction.atomic():
        story.title = "Một tiêu đề không bao giờ được lưu"
        story.save()
        raise RuntimeError("the editor's request failed")
    purged = committed(lambda: other.save())
    assert f"article-{other.pk}" in purged
    assert f"article-{story.pk}" not in purged
