"""Every page costs a fixed, small number of queries, however many articles exist.

Counted cold (empty cache: every query the page can make). The content version of the
page cache is looked up once per change of content, not per page, so it is primed first.
A page served from the page cache costs no query at all.
"""

import datetime as dt

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import GalleryItem, Tag
from public import pageviews
from public.models import DailyViews
from public.pagecache import content_version
from tests.factories import make_article, make_author, make_campaign, make_image, make_section


@pytest.mark.django_db
def test_a_page_from_the_page_cache_costs_no_query(client, now):
    article = make_article(title="Bài đã lưu sẵn")
    for url in ["/", article.get_absolute_url(), "/rss/", "/tim-kiem/?q=bai"]:
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured) == 0, url


BUDGETS = {
    # The menu and the portal's identity (masthead, footer) — and, on article pages, the
    # "report a crime" contacts and the side lists (most read and latest, one query) — are
    # site-wide: read once per content version and shared by every page, counted here
    # because the cache is empty.
    "home": 7,
    # Whether the article has an English translation is read in the article's own query;
    # its right column: related (one query) and the side lists.
    "article": 9,
    # A photo story is one query more (its items and their photos); photos in the text
    # cost none: the body carries what their markup needs.
    "article with photos": 10,
    "section": 6,
    "tag": 6,
    "author": 6,
    "campaign": 6,
    "search": 6,  # wanted notices and answered questions found beside the articles
    "rss": 2,
    "section rss": 3,
    # A count per sitemap: articles, sections, campaigns, police pages, notices, questions,
    # documents, the introduction (its pages, their translations, the units), English pages.
    "sitemap index": 15,
    "sitemap page": 2,
    "news sitemap": 1,
    "admin list": 12,
}


def add_articles(n: int, *, sections, tags, campaigns, authors, images, offset: int = 0) -> None:
    for i in range(n):
        article = make_article(
            title=f"Tuần tra an ninh trật tự khu dân cư số {offset + i}",
            section=sections[i % len(sections)],
            authors=authors[: 1 + i % len(authors)],
            tags=[tags[0], tags[1 + i % (len(tags) - 1)]],
            campaigns=[campaigns[0], campaigns[1 + i % (len(campaigns) - 1)]] if i % 2 else [],
            cover=images[i % len(images)] if i % 3 else None,
            featured=i % 7 == 0,
            published_at=timezone.now() - dt.timedelta(hours=offset + i + 1),
        )
        DailyViews.objects.create(article=article, day=timezone.localdate(), views=i)
    pageviews.rank_most_read()


def queries(client, url: str) -> int:
    cache.clear()  # the cold case: navigation not cached yet
    content_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
def test_query_counts_stay_within_budget_with_10_and_500_articles(client, administrator, now):
    parent = make_section("An ninh trật tự")
    sections = [
        parent,
        make_section("Phòng chống ma túy", parent=parent),
        make_section("Giao thông"),
        *(make_section(f"Chuyên mục {i}") for i in range(5)),
    ]
    tags = [Tag.objects.create(name=f"xã {i}") for i in range(40)]
    tag = tags[0]
    campaigns = [make_campaign(f"Phong trào {i}") for i in range(8)]
    campaign = campaigns[0]
    authors = [make_author(f"Tác giả {i}", f"Công an huyện {i}") for i in range(12)]
    images = [make_image() for _ in range(6)]
    kwargs = {
        "sections": sections,
        "tags": tags,
        "campaigns": campaigns,
        "authors": authors,
        "images": images,
    }
    add_articles(10, **kwargs)
    article = make_article(
        title="Bài đang đọc",
        section=sections[1],
        tags=[tag],
        campaigns=[campaign],
        authors=authors,
        cover=make_image(),
    )
    # The heaviest article: photos in its text and a photo story.
    body_photos = [make_image() for _ in range(3)]
    illustrated = make_article(
        title="Phóng sự ảnh có ảnh trong bài",
        section=sections[1],
        tags=tags[:3],
        campaigns=[campaign],
        authors=authors[:2],
        cover=make_image(),
        body="".join(
            f'<figure class="image"><img src="{p.file.url}"><figcaption>Ảnh {n}</figcaption>'
            "</figure>"
            for n, p in enumerate(body_photos)
        ),
    )
    for position, photo in enumerate(body_photos):
        GalleryItem.objects.create(article=illustrated, image=photo, position=position)
    urls = {
        "home": "/",
        "article": article.get_absolute_url(),
        "article with photos": illustrated.get_absolute_url(),
        "section": parent.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "author": authors[0].get_absolute_url(),
        "campaign": campaign.get_absolute_url(),
        "search": "/tim-kiem/?q=an+ninh+trat+tu",
        "rss": "/rss/",
        "section rss": f"/chuyen-muc/{parent.slug}/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap page": "/sitemap-articles.xml",
        "news sitemap": "/news-sitemap.xml",
    }
    staff = Client()
    staff.force_login(administrator)
    admin_list = (
        f"/{settings.ADMIN_URL}articles/article/?status=published&section__id__exact={parent.pk}"
    )

    staff.get(admin_list)  # the session's renewal (once per 5 minutes) is not the page's

    def count_all() -> dict[str, int]:
        counts = {name: queries(client, url) for name, url in urls.items()}
        counts["admin list"] = queries(staff, admin_list)
        return counts

    few = count_all()
    add_articles(490, offset=10, **kwargs)
    many = count_all()
    assert many == few  # constant: no query per article
    over = {name: (n, BUDGETS[name]) for name, n in many.items() if n > BUDGETS[name]}
    assert over == {}, f"queries over budget (count, budget): {over}"
