"""Questions and answers (“Hỏi đáp”): citizens ask through the public form; a unit answers;
the question and its answer are published together, never with the asker's contact.

A question comes in as a draft (the moderation queue). The desk rejects it (archived) or
prepares its public form and the unit's answer, and it goes through the same workflow as an
article. The asker's name and contact are deleted after ``QUESTION_PERSONAL_DATA_DAYS``
(``manage.py erase_asker_data``).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from publishing.models import Publishable, PublishableQuerySet, WorkflowStep
from vietnamese.slugs import unique_slug
from vietnamese.text import search_document


class Topic(models.Model):
    """The field a question is about (“Cư trú”, “Căn cước”, “Phòng cháy chữa cháy”)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.name,
                exists=lambda s: Topic.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=140,
            )
        super().save(*args, **kwargs)


class QuestionQuerySet(PublishableQuerySet):
    def answered(self) -> QuestionQuerySet:
        """What readers may see: published (``published()``), with an answer."""
        return self.published().exclude(answer="")

    def latest_first(self) -> QuestionQuerySet:
        return self.order_by("-published_at", "-pk")

    def waiting(self) -> QuestionQuerySet:
        """The moderation queue: received, not yet taken up by the desk."""
        return self.filter(status=Publishable.Status.DRAFT, answer="")

    def matching(self, terms: tuple[str, ...]) -> QuestionQuerySet:
        """Every folded word of ``terms`` in the title, question or answer."""
        for term in terms:
            self = self.filter(search_text__contains=f" {term} ")
        return self


class Question(Publishable):
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("A short title for readers: “Thủ tục đăng ký thường trú cho con”."),
    )
    # None until the desk gives the question a title (many questions wait without one).
    slug = models.SlugField(_("slug"), max_length=220, unique=True, null=True, blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("field"), on_delete=models.PROTECT, related_name="questions"
    )
    asker_name = models.CharField(_("asker's name"), max_length=100, blank=True)
    asker_contact = models.CharField(
        _("asker's contact"),
        max_length=150,
        blank=True,
        help_text=_("Phone or e-mail, for the unit only: never published."),
    )
    question = models.TextField(
        _("question as received"), help_text=_("What the asker wrote; never published as such.")
    )
    public_name = models.CharField(
        _("asker as shown"),
        max_length=60,
        blank=True,
        help_text=_("How readers see the asker: “Bạn Hùng (Phú Lương)”; never a contact."),
    )
    public_question = models.TextField(
        _("question as published"),
        blank=True,
        help_text=_("The question as readers see it, without personal details."),
    )
    answer = models.TextField(_("answer"), blank=True)
    answer_unit = models.CharField(
        _("answering unit"),
        max_length=200,
        blank=True,
        help_text=_("“Phòng Cảnh sát quản lý hành chính về trật tự xã hội”."),
    )
    answered_by = staff_reference(_("answer entered by"))
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    personal_data_erased_at = models.DateTimeField(
        _("asker's details deleted at"), null=True, blank=True, editable=False
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        permissions = [
            ("submit_question", _("Can submit an answer for review")),
            ("edit_any_question", _("Can edit any unpublished question")),
            ("return_question", _("Can return an answer with a comment")),
            ("forward_question", _("Can forward an answer for approval")),
            ("publish_question", _("Can approve and publish a question and its answer")),
            ("take_down_question", _("Can take down a question")),
            ("archive_question", _("Can reject (archive) and restore a question")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="question_published_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="question_pub_idx")]

    def __str__(self) -> str:
        return self.title or self.question[:80]

    def save(self, *args, **kwargs) -> None:
        self.slug = self.slug or None
        if not self.slug and self.title:
            self.slug = unique_slug(
                self.title,
                exists=lambda s: Question.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=220,
            )
        self.search_text = search_document(self.title, self.public_question, self.answer)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:question", kwargs={"slug": self.slug})


class QuestionStep(WorkflowStep):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="steps"
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")

    def __str__(self) -> str:
        return f"{self.question}: {self.get_action_display()}"
