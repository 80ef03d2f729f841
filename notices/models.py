"""Wanted notices (“Truy nã”): a wanted decision as the public sees it, and its withdrawal.

A notice holds what the decision publishes and nothing more (the 2025 Personal Data
Protection Law: the minimum, deleted when the purpose ends): no national ID number, no
relatives. It goes through the workflow like an article (``publishing``); its withdrawal
(“đình nã”) is one step of its own (``notices.services.notice_withdraw``) that takes it off
every public place, deletes its photos and publishes a short text notice instead.
"""

from __future__ import annotations

import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from photos.models import Image
from publishing.models import Publishable, PublishableQuerySet, WorkflowStep
from vietnamese.slugs import unique_slug
from vietnamese.text import fold, search_document

# Addresses under /truy-na/ that are pages of their own, never a notice's slug.
RESERVED_SLUGS = frozenset({"tra-cuu", "dinh-na", "rss"})


def decision_key(number: str) -> str:
    """ "15/QĐ-CSĐT", "15 / qd-csdt" and "15/QĐ–CSĐT" are one number: folded, letters and
    digits only ("15qdcsdt")."""
    return re.sub(r"[^0-9a-z]", "", fold(number or ""))


class Offence(models.Model):
    """A kind of offence readers filter the list by (“Giết người”, “Lừa đảo chiếm đoạt tài
    sản”); the article of the Penal Code goes with each notice."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("offence")
        verbose_name_plural = _("offences")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.name,
                exists=lambda s: Offence.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=160,
            )
        super().save(*args, **kwargs)


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class WantedNoticeQuerySet(PublishableQuerySet):
    def public(self) -> WantedNoticeQuerySet:
        """What readers may see: published (``published()``) and not withdrawn."""
        return self.published().filter(withdrawn_at__isnull=True)

    def latest_first(self) -> WantedNoticeQuerySet:
        return self.order_by("-decision_date", "-published_at", "-pk")

    def for_cards(self) -> WantedNoticeQuerySet:
        return self.select_related("offence").prefetch_related("photos__image")

    def matching_decision(self, number: str) -> WantedNoticeQuerySet:
        key = decision_key(number)
        return self.filter(decision_key=key) if key else self.none()

    def needing_review(self, *, months: int, at=None) -> WantedNoticeQuerySet:
        """Still public after ``months`` since the last review (or the first publication)."""
        before = (at or timezone.now()) - timezone.timedelta(days=round(months * 30.44))
        return self.public().filter(
            models.Q(reviewed_at__lt=before)
            | models.Q(reviewed_at__isnull=True, first_published_at__lt=before)
        )


class WantedNotice(Publishable):
    """A wanted decision (“Quyết định truy nã”) published for the public."""

    decision_number = models.CharField(
        _("decision number"),
        max_length=60,
        help_text=_("As written on the decision: “15/QĐ-CSĐT”."),
    )
    decision_key = models.CharField(max_length=60, db_index=True, editable=False)
    decision_date = models.DateField(_("decision date"))
    issuing_agency = models.CharField(
        _("issuing agency"),
        max_length=200,
        help_text=_("“Cơ quan Cảnh sát điều tra Công an tỉnh Sông Lam”."),
    )
    issuer_name = models.CharField(_("signed by"), max_length=120)
    issuer_title = models.CharField(
        _("signer's title"), max_length=150, help_text=_("“Phó Thủ trưởng”.")
    )
    full_name = models.CharField(_("full name"), max_length=120)
    other_names = models.CharField(
        _("other names"), max_length=200, blank=True, help_text=_("Nicknames, aliases.")
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_("Only when the decision gives it; otherwise the year alone."),
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    residence = models.CharField(
        _("place of residence"),
        max_length=300,
        help_text=_("As the decision gives it; no house number unless the decision has one."),
    )
    features = models.TextField(
        _("identifying features"),
        blank=True,
        help_text=_(
            "Height, build, marks, as in the decision. Never a national ID number, never "
            "relatives: the law allows publishing the minimum only."
        ),
    )
    offence = models.ForeignKey(
        Offence, verbose_name=_("offence"), on_delete=models.PROTECT, related_name="notices"
    )
    offence_detail = models.CharField(
        _("offence as in the decision"),
        max_length=300,
        blank=True,
        help_text=_("“theo khoản 4 Điều 174 Bộ luật Hình sự”."),
    )
    contact_agency = models.CharField(
        _("agency receiving tips"),
        max_length=200,
        help_text=_("Who readers tell when they know where the person is."),
    )
    contact_address = models.CharField(_("its address"), max_length=300)
    contact_phone = models.CharField(_("its phone"), max_length=60)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Made from the decision number (never from the name)."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True, editable=False)
    reviewed_by = staff_reference(_("reviewed by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = WantedNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date", "-pk"]
        verbose_name = _("wanted notice")
        verbose_name_plural = _("wanted notices")
        permissions = [
            ("submit_wantednotice", _("Can submit a wanted notice for review")),
            ("edit_any_wantednotice", _("Can edit other people's unpublished wanted notices")),
            ("return_wantednotice", _("Can return a wanted notice with a comment")),
            ("forward_wantednotice", _("Can forward a wanted notice for approval")),
            ("publish_wantednotice", _("Can approve and publish a wanted notice")),
            ("take_down_wantednotice", _("Can take down a wanted notice")),
            ("archive_wantednotice", _("Can archive and restore a wanted notice")),
            ("withdraw_wantednotice", _("Can withdraw a wanted notice (đình nã)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="wantednotice_published_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(withdrawn_at__isnull=True),
                name="wantednotice_withdrawn_not_published",
                violation_error_message=_("A withdrawn notice can never be published again."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} — {self.full_name}"

    def save(self, *args, **kwargs) -> None:
        self.decision_key = decision_key(self.decision_number)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        if not self.slug:
            self.slug = unique_slug(
                f"{self.decision_number} {self.decision_date:%Y}",
                exists=self.slug_taken,
                max_length=120,
            )
        self.search_text = search_document(
            self.full_name,
            self.other_names,
            self.decision_number,
            self.offence.name if self.offence_id else "",
            self.offence_detail,
            self.residence,
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "decision_key", "search_text"}
        super().save(*args, **kwargs)

    def slug_taken(self, slug: str) -> bool:
        return (
            slug in RESERVED_SLUGS
            or WantedNotice.objects.exclude(pk=self.pk).filter(slug=slug).exists()
        )

    def get_absolute_url(self) -> str:
        return reverse("public:notice", kwargs={"slug": self.slug})

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def photo_list(self) -> list[Image]:
        """Its photos in order (from prefetched ``photos__image``: ``for_cards()``)."""
        return [p.image for p in self.photos.all() if p.image.file]

    @property
    def birth(self) -> str:
        return f"{self.birth_date:%d/%m/%Y}" if self.birth_date else str(self.birth_year)


class NoticePhoto(models.Model):
    """A photo of the wanted person, in order (the first one leads)."""

    notice = models.ForeignKey(
        WantedNotice,
        verbose_name=_("wanted notice"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ForeignKey(
        Image, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo of the wanted person")
        verbose_name_plural = _("photos of the wanted person")
        constraints = [
            models.UniqueConstraint(fields=["notice", "image"], name="noticephoto_unique_image"),
        ]

    def __str__(self) -> str:
        return str(self.image)


class NoticeStep(WorkflowStep):
    """One step of a wanted notice through the workflow (its withdrawal included)."""

    notice = models.ForeignKey(
        WantedNotice,
        verbose_name=_("wanted notice"),
        on_delete=models.CASCADE,
        related_name="steps",
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")

    def __str__(self) -> str:
        return f"{self.notice}: {self.get_action_display()}"


class Withdrawal(models.Model):
    """The withdrawal (“đình nã”) of a wanted notice, published as a short text notice."""

    class Reason(models.TextChoices):
        ARRESTED = "arrested", _("arrested")
        SURRENDERED = "surrendered", _("surrendered")
        DIED = "died", _("died")
        OTHER = "other", _("other reason")

    notice = models.OneToOneField(
        WantedNotice,
        verbose_name=_("wanted notice"),
        on_delete=models.PROTECT,
        related_name="withdrawal",
    )
    decision_number = models.CharField(_("withdrawal decision number"), max_length=60)
    decision_date = models.DateField(_("withdrawal decision date"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), default=timezone.now, db_index=True)
    withdrawn_by = staff_reference(_("withdrawn by"))

    class Meta:
        ordering = ["-withdrawn_at", "-pk"]
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self) -> str:
        return f"{self.decision_number} ({self.notice.decision_number})"

    def get_absolute_url(self) -> str:
        return f"{reverse('public:notice-withdrawals')}#dinh-na-{self.pk}"
