"""/sitemap.xml (an index of articles, sections, campaigns, documents, the introduction and
the English pages) and the Google News sitemap."""

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
from documents.models import Document
from english.models import EnglishPage
from notices.models import WantedNotice
from organisation.models import Page, Unit
from public.languages import GENERATED
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


class DocumentSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, document: Document):
        return document.updated_at


class AboutSitemap(SiteSitemap):
    """The introduction and its pages, the chart, the leaders, the units, "Liên hệ": with
    their English counterparts as ``xhtml:link`` alternates where there is one."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        english = {
            page.source_page_id: page.get_absolute_url()
            for page in EnglishPage.objects.published().about().select_related("source_page")
        }
        pages = [(p.get_absolute_url(), english.get(p.pk, "")) for p in Page.objects.all()]
        drawn = [
            (reverse(name), reverse(counterpart))
            for name, counterpart in GENERATED.items()
            if name != "public:about"
        ]
        units = [(u.get_absolute_url(), "") for u in Unit.objects.shown().only("slug")]
        return [*pages, *drawn, (reverse("public:units"), ""), *units]

    def location(self, item) -> str:
        return item[0]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        base = f"{self.get_protocol()}://{self.get_domain()}"
        for url in urls:
            vi, en = url["item"]
            if en:
                url["alternates"] = [
                    {"lang_code": "vi", "location": base + vi},
                    {"lang_code": "en", "location": base + en},
                    {"lang_code": "x-default", "location": base + vi},
                ]
        return urls


class EnglishSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        pages = EnglishPage.objects.published().select_related("source_page", "source_article")
        paths = [reverse(name) for name in GENERATED.values() if name != "en:home"]
        return [
            reverse("en:home"),
            *paths,
            reverse("en:news"),
            *(p.get_absolute_url() for p in pages if p.get_absolute_url() != reverse("en:home")),
        ]

    def location(self, item) -> str:
        return item


sitemaps = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "campaigns": CampaignSitemap,
    "police": PoliceSectionSitemap,
    "notices": NoticeSitemap,
    "questions": QuestionSitemap,
    "documents": DocumentSitemap,
    "about": AboutSitemap,
    "en": EnglishSitemap,
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
