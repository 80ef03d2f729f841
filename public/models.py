"""What the public site keeps of its own: how often each article was read, per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class DailyViews(models.Model):
    """Page views of an article on one day (Asia/Ho_Chi_Minh), rolled up from the buffer."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="daily_views_unique_day"),
        ]
        indexes = [models.Index(fields=["day"], name="daily_views_day_idx")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.views}"


class MostRead(models.Model):
    """The most read articles of the last seven days, as ranked when views were last rolled
    up (``pageviews.rank_most_read``): the side list reads a few rows, not a week of counts."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="most_read")
    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    views = models.PositiveIntegerField(_("views over seven days"))

    class Meta:
        ordering = ["position"]
        verbose_name = _("most read article")
        verbose_name_plural = _("most read articles")

    def __str__(self) -> str:
        return f"{self.position}. {self.article_id} ({self.views})"


class ContentVersion(models.Model):
    """One row: a token that changes whenever what the public site shows changes.

    The page cache's content version lives in the cache (``public/pagecache.py``) and is
    deleted at each change; when the cache cannot be reached at that moment, the change
    would be lost to readers once the cache returns with the old version. This row is
    the change's durable trace: it is written after each commit that changed what readers
    see, and the cached version is checked against it every few seconds.
    """

    token = models.CharField(_("token"), max_length=32)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
