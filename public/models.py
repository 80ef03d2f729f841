"""What the public site keeps of its own: how often each article was read, per day."""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
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


class PortalIdentity(models.Model):
    """Who publishes the portal, as its masthead and footer say (one row, edited by
    administrators: "Thông tin của Cổng"). What a state portal's footer must carry is
    here — the governing agency, the person responsible, the address, phones, e-mail,
    the licence — and the entry points to services that live elsewhere or come later
    (public services, crime reporting, questions and answers, English), each shown only
    when its address is set. Read through ``public.identity.portal()`` (cached)."""

    SINGLETON = 1

    masthead_kicker = models.CharField(
        _("line above the name"),
        max_length=120,
        blank=True,
        help_text=_("Shown in small capitals above the site's name: “Cổng thông tin điện tử”."),
    )
    motto = models.CharField(
        _("motto"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown beside the name on wide screens, e.g. “Vì nước quên thân, vì dân phục vụ”."
        ),
    )
    governing_agency = models.CharField(
        _("governing agency"), max_length=200, help_text=_("“Cơ quan chủ quản” in the footer.")
    )
    responsible_person = models.CharField(
        _("person responsible"),
        max_length=200,
        help_text=_("Rank, name and post: “Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh”."),
    )
    address = models.CharField(_("address"), max_length=300)
    duty_phone = models.CharField(
        _("duty desk phone"), max_length=60, blank=True, help_text=_("“Trực ban” in the footer.")
    )
    hotline = models.CharField(
        _("hotline"),
        max_length=60,
        blank=True,
        help_text=_("The portal's own hotline, besides 113, 114 and 115."),
    )
    email = models.EmailField(_("e-mail of the editorial board"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=300,
        blank=True,
        help_text=_("“Giấy phép số …/GP-TTĐT do … cấp ngày …”, as issued."),
    )
    reuse_notice = models.CharField(
        _("notice on reuse"),
        max_length=300,
        blank=True,
        help_text=_("The line on quoting the portal's articles, at the foot of every page."),
    )
    public_services_url = models.CharField(
        _("address of the public services"),
        max_length=300,
        blank=True,
        help_text=_("Shown as “Dịch vụ công” when set. A full address or a path of this site."),
    )
    crime_report_url = models.CharField(
        _("address of the crime reporting page"),
        max_length=300,
        blank=True,
        help_text=_("Shown as “Tố giác tội phạm” when set."),
    )
    questions_url = models.CharField(
        _("address of the questions and answers"),
        max_length=300,
        blank=True,
        help_text=_("Shown as “Hỏi đáp” when set."),
    )
    english_url = models.CharField(
        _("address of the English pages"),
        max_length=300,
        blank=True,
        help_text=_("Shown as “English” in the top bar when set."),
    )

    class Meta:
        verbose_name = _("portal identity")
        verbose_name_plural = _("portal identity")

    def __str__(self) -> str:
        return self.governing_agency

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON  # one row: the portal has one identity
        super().save(*args, **kwargs)

    @property
    def entry_points(self) -> list[tuple[str, str]]:
        """``(label, address)`` of the services that have an address, in footer order."""
        links = [
            (_("Public services"), self.public_services_url),
            (_("Report a crime"), self.crime_report_url),
            (_("Questions and answers"), self.questions_url),
        ]
        return [(label, address) for label, address in links if address]


class PurgeBatch(models.Model):
    """One change's purge at the proxy or CDN (``public/purging.py``): the tags (and, for
    a purger by address, the addresses) it sent, when, and how it went. Queued after the
    change commits, sent at once and retried by ``manage.py process_purges``."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Purged")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("No purger")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reason = models.CharField(_("change"), max_length=500, blank=True)

    class Purger(models.TextChoices):
        NONE = "none", _("none (recorded only)")
        VARNISH = "varnish", "Varnish"
        NGINX = "nginx", "nginx"
        CLOUDFLARE = "cloudflare", "Cloudflare"
        CLOUDFRONT = "cloudfront", "CloudFront"
        FASTLY = "fastly", "Fastly"

    purger = models.CharField(_("purger"), max_length=20, choices=Purger.choices)
    tags = models.JSONField(_("tags"), default=list)
    urls = models.JSONField(_("addresses"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cache purge")
        verbose_name_plural = _("cache purges")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="purge_due_idx")]

    def __str__(self) -> str:
        return _("%(purger)s, %(when)s: %(count)s tags") % {
            "purger": self.get_purger_display(),
            "when": date_format(timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT"),
            "count": len(self.tags),
        }
