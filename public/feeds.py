"""RSS 2.0 feeds: the latest articles, one per section and per campaign, new legal documents,
and the news in English."""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Campaign, Section
from documents.models import Document
from english.models import EnglishPage
from notices.models import WantedNotice
from public import cachetags

FEED_SIZE = 30


def absolute(path: str) -> str:
    return settings.SITE_URL + path


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"
    ttl = 10  # minutes: news moves fast

    def title(self, obj=None) -> str:
        return str(_("%(site)s — latest news") % {"site": settings.SITE_NAME})

    def description(self, obj=None) -> str:
        return str(_("The latest articles of %(site)s.") % {"site": settings.SITE_NAME})

    def link(self, obj=None) -> str:
        return absolute("/")

    def feed_url(self, obj=None) -> str:
        return absolute(reverse("public:feed"))

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("section", "cover")
            .prefetch_related(
                models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
            )
            .latest_first()[:FEED_SIZE]
        )

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.sapo  # the whole sapo, escaped by the feed generator

    def item_link(self, item: Article) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Article) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: Article):
        return timezone.localtime(item.published_at)  # "… +0700"

    def item_updateddate(self, item: Article):
        return timezone.localtime(item.updated_at)

    def item_author_name(self, item: Article) -> str:
        return item.byline

    def item_categories(self, item: Article) -> list[str]:
        return [item.section.name]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        cover = item.cover
        if cover is None or not cover.file:
            return []
        try:
            length = cover.file.size
        except OSError:  # the file went missing: say nothing rather than lie
            return []
        mime = mimetypes.guess_type(cover.file.name)[0] or "image/jpeg"
        return [Enclosure(absolute(cover.file.url), str(length), mime)]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str):
        section, subsections = Section.objects.with_subsections(slug)
        if section is None:
            raise Http404
        section.subsections = subsections
        return section

    def title(self, obj: Section) -> str:
        return f"{obj.name} — {settings.SITE_NAME}"

    def description(self, obj: Section) -> str:
        return obj.description or self.title(obj)

    def feed_url(self, obj: Section) -> str:
        return absolute(reverse("public:section-feed", args=[obj.slug]))

    def link(self, obj: Section) -> str:
        return absolute(obj.get_absolute_url())

    def articles(self, obj: Section):
        cachetags.add(cachetags.list_tag(obj))
        return Article.objects.published().in_section(obj, obj.subsections)


class CampaignFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Campaign, slug=slug)

    def title(self, obj: Campaign) -> str:
        return f"{obj.name} — {settings.SITE_NAME}"

    def description(self, obj: Campaign) -> str:
        return obj.slogan or obj.description or obj.name

    def feed_url(self, obj: Campaign) -> str:
        return absolute(reverse("public:campaign-feed", args=[obj.slug]))

    def link(self, obj: Campaign) -> str:
        return absolute(obj.get_absolute_url())

    def articles(self, obj: Campaign):
        cachetags.add(cachetags.list_tag(obj))
        return Article.objects.published().in_campaign(obj)


class WarningsFeed(LatestArticlesFeed):
    """The crime warnings (``/canh-bao/rss/``)."""

    def title(self, obj=None) -> str:
        return str(_("%(site)s — crime warnings") % {"site": settings.SITE_NAME})

    def description(self, obj=None) -> str:
        return str(_("Crime methods to beware of, from %(site)s.") % {"site": settings.SITE_NAME})

    def link(self, obj=None) -> str:
        return absolute(reverse("public:warnings"))

    def feed_url(self, obj=None) -> str:
        return absolute(reverse("public:warnings-feed"))

    def articles(self, obj):
        return Article.objects.published().warnings()


class NoticesFeed(Feed):
    """The wanted notices readers may see (``public()``): a withdrawn one leaves at once."""

    feed_type = Rss201rev2Feed
    language = "vi"
    ttl = 10

    def title(self) -> str:
        return str(_("%(site)s — wanted persons") % {"site": settings.SITE_NAME})

    def description(self) -> str:
        return str(_("Wanted notices published by %(site)s.") % {"site": settings.SITE_NAME})

    def link(self) -> str:
        return absolute(reverse("public:notices"))

    def feed_url(self) -> str:
        return absolute(reverse("public:notices-feed"))

    def items(self):
        return WantedNotice.objects.public().select_related("offence").latest_first()[:FEED_SIZE]

    def item_title(self, item: WantedNotice) -> str:
        return str(
            _("Wanted: %(name)s (born %(year)s)")
            % {"name": item.full_name, "year": item.birth_year}
        )

    def item_description(self, item: WantedNotice) -> str:
        return str(
            _("Decision %(number)s of %(agency)s; offence: %(offence)s.")
            % {
                "number": item.decision_number,
                "agency": item.issuing_agency,
                "offence": item.offence.name,
            }
        )

    def item_link(self, item: WantedNotice) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: WantedNotice):
        return timezone.localtime(item.published_at)

    def item_categories(self, item: WantedNotice) -> list[str]:
        return [item.offence.name]


class DocumentsFeed(Feed):
    """/van-ban/rss/: the documents newly published on the site."""

    feed_type = Rss201rev2Feed
    language = "vi"
    ttl = 60

    def title(self, obj=None) -> str:
        return str(_("%(site)s — new legal documents") % {"site": settings.SITE_NAME})

    def description(self, obj=None) -> str:
        return str(_("Legal documents newly published by %(site)s.") % {"site": settings.SITE_NAME})

    def link(self, obj=None) -> str:
        return absolute(reverse("public:documents"))

    def feed_url(self, obj=None) -> str:
        return absolute(reverse("public:documents-feed"))

    def items(self, obj=None):
        return (
            Document.objects.published()
            .select_related("doc_type", "issuer")
            .defer("full_text", "search_text", "search_vector")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Document) -> str:
        return f"{item.title}: {Truncator(item.summary).chars(160)}"

    def item_description(self, item: Document) -> str:
        return item.summary

    def item_link(self, item: Document) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Document) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: Document):
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item: Document):
        return timezone.localtime(item.updated_at)

    def item_author_name(self, item: Document) -> str:
        return item.issuer.name

    def item_categories(self, item: Document) -> list[str]:
        return [item.doc_type.name]


class EnglishNewsFeed(Feed):
    """/en/news/rss/: the news translated into English."""

    feed_type = Rss201rev2Feed
    language = "en"
    ttl = 60

    def title(self, obj=None) -> str:
        return str(_("News in English"))

    def description(self, obj=None) -> str:
        return str(_("News of the provincial police, translated into English."))

    def link(self, obj=None) -> str:
        return absolute(reverse("en:news"))

    def feed_url(self, obj=None) -> str:
        return absolute(reverse("en:news-feed"))

    def items(self, obj=None):
        return EnglishPage.objects.published().news().latest_first()[:FEED_SIZE]

    def item_title(self, item: EnglishPage) -> str:
        return item.title

    def item_description(self, item: EnglishPage) -> str:
        return item.summary

    def item_link(self, item: EnglishPage) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: EnglishPage):
        return timezone.localtime(item.published_at)
