"""What readers may see: the one publication rule, and the statuses it reads.

Every kind of public content (articles today; legal documents and notices after them)
is ``Publishable``: it has a workflow status and a publication time, and readers see it
only when it is published **and** its time has come. The rule is written once, here, as
a query (``PublishableQuerySet.published()``) and mirrored on the instance
(``is_published()``); ``tests/publishing/test_rule.py`` holds the two to the same answer.
A scheduled item (published, time in the future) appears at its minute by itself.

A publication time outside ``EARLIEST``–``LATEST`` is refused at every door (the model
field's validator: the admin's form, the importer, ``article_import``). A row that holds
one anyway (written by hand in the database, or restored from an old dump) is neither
published nor scheduled: readers never see it, and it never becomes the "next scheduled"
moment the page cache waits for; staff see it in the desk and correct it
(``publishing/stored_times.py`` makes such a time readable at all).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned to the reporter")
    FORWARDED = "forwarded", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Taken down")
    ARCHIVED = "archived", _("Archived")


# Publication times outside these years are mistakes (a typo, a broken import): refused.
EARLIEST = dt.datetime(1945, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def validate_publication_time(value: dt.datetime) -> None:
    if value is not None and not EARLIEST <= value < LATEST:
        raise ValidationError(
            _("A publication time must fall between the years 1945 and 2099."),
            code="out_of_range",
        )


class Action(models.TextChoices):
    """The steps of the workflow (publishing/workflow.py has their rules)."""

    SUBMIT = "submit", _("Submit for review")
    RETURN = "return", _("Return to the reporter")
    FORWARD = "forward", _("Forward for approval")
    APPROVE = "approve", _("Approve and publish")
    TAKE_DOWN = "take_down", _("Take down")
    ARCHIVE = "archive", _("Archive")
    RESTORE = "restore", _("Restore as a draft")
    IMPORT = "import", _("Imported")


def published_rule(at: dt.datetime | None = None) -> models.Q:
    """Published, and its publication time has come (at ``at``, by default now)."""
    return models.Q(
        status=Status.PUBLISHED, published_at__gte=EARLIEST, published_at__lte=at or timezone.now()
    )


def scheduled_rule(at: dt.datetime | None = None) -> models.Q:
    """Published, with a publication time still to come: it appears at that minute."""
    return models.Q(
        status=Status.PUBLISHED, published_at__gt=at or timezone.now(), published_at__lt=LATEST
    )


class PublishableQuerySet(models.QuerySet):
    def published(self, *, at: dt.datetime | None = None) -> PublishableQuerySet:
        """What readers may see (``published_rule``)."""
        return self.filter(published_rule(at))

    def scheduled(self, *, at: dt.datetime | None = None) -> PublishableQuerySet:
        return self.filter(scheduled_rule(at))

    def next_scheduled_at(self) -> dt.datetime | None:
        """When the next scheduled item appears (what public caches must not outlive)."""
        upcoming = self.scheduled().order_by("published_at")
        return upcoming.values_list("published_at", flat=True).first()


class Publishable(models.Model):
    """Content that goes through the editorial workflow and is seen only once published."""

    Status = Status

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        validators=[validate_publication_time],
        help_text=_(
            "Readers see a published article from this minute on; a future time schedules it."
        ),
    )
    first_published_at = models.DateTimeField(
        _("first published at"), null=True, blank=True, editable=False
    )
    takedown_reason = models.TextField(_("reason for taking down"), blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_published(self, *, at: dt.datetime | None = None) -> bool:
        """``published_rule`` for this one item."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and EARLIEST <= self.published_at <= (at or timezone.now())
        )

    is_published.boolean = True  # type: ignore[attr-defined]
    is_published.short_description = _("public")  # type: ignore[attr-defined]

    def is_scheduled(self, *, at: dt.datetime | None = None) -> bool:
        """``scheduled_rule`` for this one item."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and (at or timezone.now()) < self.published_at < LATEST
        )


class WorkflowStep(models.Model):
    """One step of an item through the workflow: who, when, from/to, and why. Each content
    app keeps a register of its own (``articles.Transition``), with a key to its item."""

    Action = Action

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = staff_reference(_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]
