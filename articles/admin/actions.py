"""The bulk workflow actions of the article list, each within the user's powers."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import services
from articles.admin.messages import steps_done
from publishing.models import Action


class WorkflowActions:
    """Mixed into ``ArticleAdmin``: submit, forward, approve and archive many at once."""

    actions = ["submit_selected", "forward_selected", "approve_selected", "archive_selected"]

    def _bulk(self, request, queryset, action: str) -> None:
        done, refused = 0, []
        for article in queryset:
            try:
                services.article_transition(article=article, by=request.user, action=action)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                reason = " ".join(getattr(error, "messages", [])) or _("not allowed")
                refused.append(f"“{article.title}”: {reason}")
        if done:
            self.message_user(request, steps_done(action, done), messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description=gettext_lazy("Submit for review"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, Action.SUBMIT)

    @admin.action(description=gettext_lazy("Forward for approval"), permissions=["forward"])
    def forward_selected(self, request, queryset):
        self._bulk(request, queryset, Action.FORWARD)

    @admin.action(description=gettext_lazy("Approve and publish"), permissions=["publish"])
    def approve_selected(self, request, queryset):
        self._bulk(request, queryset, Action.APPROVE)

    @admin.action(description=gettext_lazy("Archive"), permissions=["archive"])
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, Action.ARCHIVE)

    def has_submit_permission(self, request) -> bool:
        return request.user.has_perm("articles.submit_article")

    def has_forward_permission(self, request) -> bool:
        return request.user.has_perm("articles.forward_article")

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("articles.publish_article")

    def has_archive_permission(self, request) -> bool:
        return request.user.has_perm("articles.archive_article")
