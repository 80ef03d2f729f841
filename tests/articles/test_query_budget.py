"""Every public page costs a fixed, small number of queries, however many articles exist."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import DailyViews, Tag
from tests.factories import make_article, make_author, make_campaign, make_image, make_section

BUDGETS = {
    "home": 8,
    "article": 6,
    "section": 6,
    "tag": 6,
    "author": 6,
    "campaign": 6,
    "search": 4,
    "rss": 4,
    "section rss": 4,
    "sitemap index": 4,
    "sitemap page": 4,
    "news sitemap": 4,
}


def add_articles(n: int, *, sections, tag, campaign, authors, offset: int = 0) -> None:
    for i in range(n):
        article = make_article(
            title=f"Tuần tra an ninh trật tự khu dân cư số {offset + i}",
            section=sections[i % len(sections)],
            authors=authors[: 1 + i % len(authors)],
            tags=[tag],
            campaigns=[campaign] if i % 2 else [],
            cover=make_image() if i % 3 == 0 else None,
            featured=i % 7 == 0,
            published_at=timezone.now() - dt.timedelta(hours=offset + i + 1),
        )
        DailyViews.objects.create(article=article, day=timezone.localdate(), views=i)


def queries(client, url: str) -> int:
    cache.clear()  # the cold case: navigation not cached yet
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
def test_query_counts_stay_within_budget_with_10_and_110_articles(client, now):
    parent = make_section("An ninh trật tự")
    sections = [
        parent,
        make_section("Phòng chống ma túy", parent=parent),
        make_section("Giao thông"),
    ]
    tag = Tag.objects.create(name="huyện Phú Lương")
    campaign = make_campaign("Vì an ninh Tổ quốc")
    authors = [make_author("Lê Thị Hạnh", "Phòng Tham mưu"), make_author("Nhóm PV", "")]
    kwargs = {"sections": sections, "tag": tag, "campaign": campaign, "authors": authors}
    add_articles(10, **kwargs)
    article = make_article(
        title="Bài đang đọc",
        section=sections[1],
        tags=[tag],
        campaigns=[campaign],
        authors=authors,
        cover=make_image(),
    )
    urls = {
        "home": "/",
        "article": article.get_absolute_url(),
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
    few = {name: queries(client, url) for name, url in urls.items()}
    add_articles(100, offset=10, **kwargs)
    many = {name: queries(client, url) for name, url in urls.items()}
    assert many == few  # constant: no query per article
    over = {name: (n, BUDGETS[name]) for name, n in many.items() if n > BUDGETS[name]}
    assert over == {}, f"queries over budget (count, budget): {over}"
