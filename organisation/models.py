"""The organisation (giới thiệu): its pages, its units and their contacts, its leaders.

Since 2025 a province's police has two levels: the province (its command and its
departments) and the communes (a police station per commune or ward, around a hundred).
Administrators keep all of it in the admin; every change is kept as a revision. Units and
leaders carry their English names and titles beside the Vietnamese ones, and remember
what the Vietnamese said when the English was last saved (``english_out_of_date``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.body import prepare as prepare_body
from organisation.querysets import LeaderQuerySet, UnitQuerySet
from photos.models import Image
from vietnamese.slugs import unique_slug
from vietnamese.text import fold_accents, source_digest

# Addresses of the pages drawn from the data: a page of text may not take them.
RESERVED_SLUGS = frozenset({"co-cau-to-chuc", "lanh-dao", "don-vi"})


class HasEnglish(models.Model):
    """English fields beside Vietnamese ones, and whether the English is out of date.

    ``ENGLISH`` maps each English field to the Vietnamese field it translates. When an
    English field is saved, a digest of the Vietnamese fields is kept with it; when the
    Vietnamese changes afterwards, the digest no longer matches and the admin says so.
    """

    ENGLISH: dict[str, str] = {}

    english_digest = models.CharField(max_length=64, blank=True, editable=False)
    english_saved_at = models.DateTimeField(
        _("English saved at"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._english_values() != getattr(self, "_loaded_english", ()) and self.has_english():
            self.english_digest = self.vietnamese_digest()
            self.english_saved_at = timezone.now()
        super().save(*args, **kwargs)
        self._loaded_english = self._english_values()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Only what was read: a deferred field is not looked up here.
        instance._loaded_english = tuple(instance.__dict__.get(name) for name in cls.ENGLISH)
        return instance

    def _english_values(self) -> tuple:
        return tuple(getattr(self, name, "") for name in self.ENGLISH)

    def vietnamese_digest(self) -> str:
        return source_digest(*(getattr(self, name) for name in self.ENGLISH.values()))

    def has_english(self) -> bool:
        return any(self._english_values())

    def english_out_of_date(self) -> bool:
        """The Vietnamese changed after the English was last saved."""
        return self.has_english() and self.english_digest != self.vietnamese_digest()

    english_out_of_date.boolean = True  # type: ignore[attr-defined]
    english_out_of_date.short_description = _("English out of date")  # type: ignore[attr-defined]


class Unit(HasEnglish):
    """A unit of the provincial police: the command, a department, a commune station."""

    class Kind(models.TextChoices):
        COMMAND = "command", _("Provincial police command")
        DEPARTMENT = "department", _("Department")
        COMMUNE = "commune", _("Commune police station")

    ENGLISH = {"name_en": "name", "description_en": "description", "hours_en": "working_hours"}

    name = models.CharField(_("name"), max_length=200, help_text=_("“Công an xã Phú Đình”."))
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The unit above it in the organisation chart."),
    )
    commune = models.CharField(
        _("commune or ward served"),
        max_length=120,
        blank=True,
        help_text=_("For a commune station: “xã Phú Đình”, “phường Hưng Dũng”."),
    )
    description = models.TextField(
        _("functions"), blank=True, help_text=_("What the unit does, in a few sentences.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phones = models.CharField(
        _("phone numbers"), max_length=200, blank=True, help_text=_("Separated by commas.")
    )
    hotline = models.CharField(_("hotline"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    working_hours = models.CharField(
        _("working hours"),
        max_length=300,
        blank=True,
        help_text=_("“Thứ Hai – thứ Sáu, 7h30–11h30 và 13h30–17h00; trực ban 24/7”."),
    )
    head = models.CharField(
        _("head of the unit"), max_length=200, blank=True, help_text=_("“Trung tá Lê Văn Hùng”.")
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order in the chart and lists: smaller first.")
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("A unit merged or dissolved is kept, not shown.")
    )
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description_en = models.TextField(_("functions in English"), blank=True)
    hours_en = models.CharField(_("working hours in English"), max_length=300, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="command", active=True),
                name="unit_one_command",
                violation_error_message=_("There is one provincial police command."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "position"], name="unit_kind_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = " ".join(self.name.split())
        if not self.slug:
            self.slug = unique_slug(
                self.name,
                exists=lambda s: Unit.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=120,
            )
        self.search_text = (
            " " + fold_accents(" ".join([self.name, self.commune, self.address, self.head])) + " "
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:unit", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot report to itself.")})

    @property
    def phone_list(self) -> list[str]:
        return [p.strip() for p in self.phones.split(",") if p.strip()]

    @property
    def english_name(self) -> str:
        return self.name_en or self.name


class Leader(HasEnglish):
    """A member of the command: photo (a drawing, or none), rank, title, responsibilities
    and term."""

    ENGLISH = {
        "title_en": "title",
        "rank_en": "rank",
        "responsibilities_en": "responsibilities",
    }

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    rank = models.CharField(_("rank"), max_length=60, blank=True, help_text=_("“Đại tá”."))
    title = models.CharField(
        _("title"), max_length=200, help_text=_("“Giám đốc Công an tỉnh”, “Phó Giám đốc”.")
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leaders",
    )
    responsibilities = models.TextField(
        _("responsibilities"), blank=True, help_text=_("The fields and units in their charge.")
    )
    term_start = models.DateField(_("in office since"), null=True, blank=True)
    term_end = models.DateField(
        _("in office until"), null=True, blank=True, help_text=_("Leave empty while in office.")
    )
    portrait = models.ForeignKey(
        Image,
        verbose_name=_("portrait"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portrait_of",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    rank_en = models.CharField(_("rank in English"), max_length=60, blank=True)
    responsibilities_en = models.TextField(_("responsibilities in English"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LeaderQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True)
                | models.Q(term_start__isnull=True)
                | models.Q(term_end__gte=models.F("term_start")),
                name="leader_term_in_order",
                violation_error_message=_("A term cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank} {self.name}".strip()

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.name,
                exists=lambda s: Leader.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=140,
            )
        super().save(*args, **kwargs)

    @property
    def responsibility_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.responsibilities.splitlines() if line.strip()]

    @property
    def responsibility_list_en(self) -> list[str]:
        lines = self.responsibilities_en.splitlines()
        return [line.strip(" -•\t") for line in lines if line.strip()]


class Page(models.Model):
    """A page of text about the force: the introduction, functions and duties, history."""

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        FUNCTIONS = "functions", _("Functions and duties")
        HISTORY = "history", pgettext_lazy("introduction page", "History")
        OTHER = "other", _("Other page")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "The introduction is at /gioi-thieu/, every other page at /gioi-thieu/<slug>/."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Cleaned of anything unsafe every time it is saved.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("introduction page")
        verbose_name_plural = _("introduction pages")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=~models.Q(kind="other"),
                name="page_one_of_each_kind",
                violation_error_message=_("There is already a page of this kind."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.body = prepare_body(self.body).html
        if not self.slug:
            self.slug = unique_slug(
                self.title,
                exists=lambda s: (
                    s in RESERVED_SLUGS or Page.objects.exclude(pk=self.pk).filter(slug=s).exists()
                ),
                max_length=120,
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.INTRODUCTION:
            return reverse("public:about")
        return reverse("public:about-page", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page.")})

    def vietnamese_digest(self) -> str:
        return source_digest(self.title, self.summary, self.body)
