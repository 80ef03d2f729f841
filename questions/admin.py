"""The questions desk: the moderation queue, the answer, and the workflow of any public
content (``publishing.admin``)."""

from __future__ import annotations

import reversion
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishing.admin import WorkflowAdminMixin, status_badge
from questions import services
from questions.models import Question, QuestionStep, Topic


class QueueFilter(admin.SimpleListFilter):
    title = gettext_lazy("moderation")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting in the moderation queue"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.waiting()
        return queryset


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Question)
class QuestionAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = [
        "__str__",
        "topic",
        "status_column",
        "received_at",
        "answer_unit",
        "is_published",
    ]
    list_filter = [QueueFilter, "status", "topic", "received_at"]
    list_select_related = ["topic"]
    search_fields = ["title", "public_question", "answer"]
    date_hierarchy = "received_at"
    readonly_fields = [
        "status_column",
        "asker_name",
        "asker_contact",
        "question",
        "received_at",
        "personal_data_erased_at",
        "answered_by",
    ]
    fieldsets = [
        (
            gettext_lazy("As received (never published)"),
            {
                "fields": [
                    "received_at",
                    "asker_name",
                    "asker_contact",
                    "question",
                    "personal_data_erased_at",
                ]
            },
        ),
        (
            gettext_lazy("For readers"),
            {"fields": ["topic", "title", "slug", "public_name", "public_question"]},
        ),
        (gettext_lazy("The answer"), {"fields": ["answer_unit", "answer", "answered_by"]}),
        (gettext_lazy("Publication"), {"fields": ["status_column", "published_at"]}),
    ]

    def has_add_permission(self, request) -> bool:
        return False  # questions come from readers, through the public form

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None and not obj.public_question and "public_question" in form.base_fields:
            form.base_fields["public_question"].initial = obj.question
        return form

    # The workflow (publishing.admin) ------------------------------------------------

    def authored(self, request: HttpRequest, obj: Question) -> bool:
        return services.is_author(obj, request.user)

    def record_step(self, obj: Question, **step) -> QuestionStep:
        return services.record_step(obj, **step)

    def steps(self, obj: Question):
        return obj.steps.all()

    def transition_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        question = get_object_or_404(Question, pk=pk)
        if request.method == "POST" and action in services.TOWARDS_READERS:
            problem = services.readiness_problem(question)
            if problem:
                self.message_user(request, problem, messages.ERROR)
                return redirect("admin:questions_question_change", question.pk)
        return super().transition_view(request, pk, action)

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, question: Question) -> str:
        return status_badge(question)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status == Question.Status.PUBLISHED:
            if not request.user.has_perm("questions.publish_question"):
                return False
        if obj is not None and obj.status == Question.Status.ARCHIVED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status == Question.Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision(manage_manually=False):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        if "answer" in form.changed_data and obj.answer.strip():
            obj.answered_by = request.user
        super().save_model(request, obj, form, change)
