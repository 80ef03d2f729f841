"""/sitemap.xml (an index of articles, sections, campaigns) and the Google News sitemap."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db import models
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from articles.models import Article, Campaign, Method, Section
from notices.models import WantedNotice
from questions.models import Question

NEWS_WINDOW = dt.timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs per sitemap


class SiteSitemap(Sitemap):
    """Addresses from SITE_URL, never from the request's Host header."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"


class ArticleSitemap(SiteSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at").latest_first()

    def lastmod(self, article: Article):
        return article.updated_at

    def get_latest_lastmod(self):
        # Django's default loads every article to take the max; one aggregate does it.
        return Article.objects.published().aggregate(latest=models.Max("updated_at"))["latest"]


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self):
        return Section.objects.only("slug").order_by("position", "name")


class CampaignSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return Campaign.objects.only("slug").order_by("-starts_on", "name")


class NoticeSitemap(SiteSitemap):
    """Wanted notices readers may see (a withdrawn one leaves with the next request)."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return WantedNotice.objects.public().only("slug", "updated_at").latest_first()

    def lastmod(self, notice: WantedNotice):
        return notice.updated_at

    def get_latest_lastmod(self):
        return WantedNotice.objects.public().aggregate(latest=models.Max("updated_at"))["latest"]


class QuestionSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Question.objects.answered().only("slug", "updated_at").latest_first()

    def lastmod(self, question: Question):
        return question.updated_at

    def get_latest_lastmod(self):
        return Question.objects.answered().aggregate(latest=models.Max("updated_at"))["latest"]


class PoliceSectionSitemap(SiteSitemap):
    """The pages of the police sections, and one per crime method."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        pages = ["public:notices", "public:warnings", "public:reporting", "public:questions"]
        pages += ["public:notice-lookup", "public:notice-withdrawals"]
        return [reverse(name) for name in pages] + [
            m.get_absolute_url() for m in Method.objects.only("slug")
        ]

    def location(self, item: str) -> str:
        return item


sitemaps = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "campaigns": CampaignSitemap,
    "police": PoliceSectionSitemap,
    "notices": NoticeSitemap,
    "questions": QuestionSitemap,
}


@cache_control(max_age=300, public=True)
def news_sitemap(request: HttpRequest) -> TemplateResponse:
    """Google News sitemap: the articles published in the last 48 hours."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .only("slug", "title", "published_at")
        .latest_first()[:NEWS_LIMIT]
    )
    return TemplateResponse(
        request,
        "news_sitemap.xml",
        {"articles": articles, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME},
        content_type="application/xml; charset=utf-8",
    )
