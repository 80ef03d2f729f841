"""The read rules of the newsroom, named once and chained everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from articles.models import Author, Campaign, Section, Tag


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        """What readers may see: published, and the publication time has come.

        A scheduled article (published status, time in the future) appears by itself
        at its minute, with no cron job.
        """
        from articles.models import Article

        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_section(self, section: Section) -> ArticleQuerySet:
        """Articles of the section and of its sub-sections."""
        return self.filter(models.Q(section=section) | models.Q(section__parent=section))

    def in_campaign(self, campaign: Campaign) -> ArticleQuerySet:
        return self.filter(campaigns=campaign)

    def by_author(self, author: Author) -> ArticleQuerySet:
        return self.filter(authors=author)

    def tagged(self, tag: Tag) -> ArticleQuerySet:
        return self.filter(tags=tag)

    def latest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def for_listing(self) -> ArticleQuerySet:
        """Everything a list of article cards shows, in a constant number of queries."""
        return self.select_related("section", "cover").prefetch_related("bylines__author")


class CampaignQuerySet(models.QuerySet):
    def active(self, on=None) -> CampaignQuerySet:
        """Campaigns running on the given date (today in Asia/Ho_Chi_Minh by default)."""
        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )
