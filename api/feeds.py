"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the latest articles, per section and
per campaign — the same items as the RSS feeds, because they are the RSS feeds' own
``items()`` and item methods (``public.feeds``), written out as JSON."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from articles.models import Article
from public import feeds

VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json"


def json_feed(request: HttpRequest, feed: feeds.LatestArticlesFeed, obj=None) -> HttpResponse:
    items = [_item(feed, article) for article in feed.items(obj)]
    body = {
        "version": VERSION,
        "title": feed.title(obj),
        "home_page_url": feed.link(obj),
        "feed_url": feed.feed_url(obj).replace("/rss/", "/feed.json"),
        "description": feed.description(obj),
        "language": feed.language,
        "items": items,
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")), content_type=CONTENT_TYPE
    )


def _item(feed: feeds.LatestArticlesFeed, article: Article) -> dict:
    item = {
        "id": feed.item_guid(article),
        "url": feed.item_link(article),
        "title": feed.item_title(article),
        "content_text": feed.item_description(article),
        "summary": feed.item_description(article),
        "date_published": feed.item_pubdate(article).isoformat(),
        "date_modified": feed.item_updateddate(article).isoformat(),
        "tags": feed.item_categories(article),
    }
    names = [{"name": a.byline} for a in article.author_list]
    if names:
        item["authors"] = names
    enclosures = feed.item_enclosures(article)
    if enclosures:
        item["image"] = enclosures[0].url
    return item


@require_safe
def latest(request: HttpRequest) -> HttpResponse:
    return json_feed(request, feeds.LatestArticlesFeed())


@require_safe
def section(request: HttpRequest, slug: str) -> HttpResponse:
    feed = feeds.SectionFeed()
    return json_feed(request, feed, feed.get_object(request, slug))


@require_safe
def campaign(request: HttpRequest, slug: str) -> HttpResponse:
    feed = feeds.CampaignFeed()
    return json_feed(request, feed, feed.get_object(request, slug))
