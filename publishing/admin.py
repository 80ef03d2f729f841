"""The workflow at the desk, for any kind of public content: its status, the steps the person
may take, and the history of the steps taken.

A content app's ModelAdmin mixes in ``WorkflowAdminMixin`` and says three things: who counts
as the item's author (``authored``), how a step is recorded (``record_step``) and where its
steps are (``steps``). The change form then shows the status and a button per allowed step
(``templates/admin/publishing/change_form.html``); a step is a POST to
``<item>/transition/<action>/``, decided by ``publishing.workflow`` (a refusal is a 403 or a
message, never a change).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _

from publishing import workflow
from publishing.models import Action, Publishable


def status_badge(item: Publishable) -> str:
    """The item's status as a coloured label; "Scheduled · in 2 hours" for a scheduled one."""
    if item.is_scheduled():
        return format_html(
            '<span class="nr-badge nr-badge--scheduled" title="{}">{} · {}</span>',
            formats.date_format(timezone.localtime(item.published_at), "DATETIME_FORMAT"),
            _("Scheduled"),
            _("in %(time)s") % {"time": timeuntil(item.published_at)},
        )
    return format_html(
        '<span class="nr-badge nr-badge--{}">{}</span>', item.status, item.get_status_display()
    )


class WorkflowAdminMixin:
    """Mixed into the ModelAdmin of a ``Publishable``."""

    change_form_template = "admin/publishing/change_form.html"

    def authored(self, request: HttpRequest, obj: Publishable) -> bool:
        """Whether the person wrote ``obj`` (the two-person rule and who may submit)."""
        raise NotImplementedError

    def record_step(self, obj: Publishable, **step) -> models.Model:
        """Save one step in the app's register (a ``WorkflowStep``)."""
        raise NotImplementedError

    def steps(self, obj: Publishable) -> models.QuerySet:
        """The steps of ``obj``, newest first."""
        raise NotImplementedError

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "<int:pk>/transition/<str:action>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{meta.app_label}_{meta.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if action not in Action.values:
            raise PermissionDenied
        item = get_object_or_404(self.model, pk=pk)
        try:
            workflow.transition(
                item=item,
                by=request.user,
                action=action,
                comment=request.POST.get("comment", ""),
                authored=self.authored(request, item),
                record=self.record_step,
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(title)s”: %(step)s — done.") % {"title": item, "step": Action(action).label},
                messages.SUCCESS,
            )
        meta = self.model._meta
        return redirect(f"admin:{meta.app_label}_{meta.model_name}_change", item.pk)

    def workflow_context(self, request: HttpRequest, obj: Publishable) -> dict:
        authored = self.authored(request, obj)
        meta = self.model._meta
        return {
            "workflow_actions": [
                (action, Action(action).label, workflow.RULES[action].comment_required)
                for action in workflow.allowed_actions(request.user, obj, authored=authored)
            ],
            "workflow_url": f"admin:{meta.app_label}_{meta.model_name}_transition",
            "transitions": self.steps(obj).select_related("by")[:50],
            "status_html": status_badge(obj),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if obj is not None and self.has_view_or_change_permission(request, obj):
            extra_context.update(self.workflow_context(request, obj))
        return super().change_view(request, object_id, form_url, extra_context)
