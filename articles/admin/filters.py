"""List filters of the article desk."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, Author

Status = Article.Status


class WorkflowStatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Status.choices, ("scheduled", _("Scheduled"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    title = gettext_lazy("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return [(a.pk, a.byline) for a in Author.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(bylines__author_id=self.value())
        return queryset
