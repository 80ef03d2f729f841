"""The organisation at the desk: pages, units and leaders, kept by administrators, each
change kept as a revision (django-reversion's history, with "recover" and "revert")."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget
from reversion.admin import VersionAdmin

from organisation.apps import EXCLUDED
from organisation.models import Leader, Page, Unit
from vietnamese.text import fold_accents


class HistoryAdmin(VersionAdmin):
    """Every change kept (django-reversion), derived fields left out of revisions."""

    def reversion_register(self, model, **options):
        super().reversion_register(model, exclude=EXCLUDED, **options)


class EnglishOutOfDateFilter(admin.SimpleListFilter):
    title = gettext_lazy("English")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [
            ("missing", gettext_lazy("not translated")),
            ("stale", gettext_lazy("out of date")),
        ]

    def queryset(self, request, queryset):
        field = next(iter(queryset.model.ENGLISH))
        if self.value() == "missing":
            return queryset.filter(**{field: ""})
        if self.value() == "stale":
            stale = [obj.pk for obj in queryset if obj.english_out_of_date()]
            return queryset.filter(pk__in=stale)
        return queryset


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["kind", "title", "slug", "summary", "body", "position"]
        widgets = {"body": CKEditor5Widget(config_name="page")}


@admin.register(Page)
class PageAdmin(HistoryAdmin):
    form = PageForm
    list_display = ["title", "kind", "slug", "position", "updated_at"]
    list_editable = ["position"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {}


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    list_display = [
        "name",
        "kind",
        "commune",
        "hotline",
        "phones",
        "active",
        "english_out_of_date",
    ]
    list_filter = ["kind", "active", EnglishOutOfDateFilter]
    list_select_related = ["parent"]
    list_per_page = 50
    search_fields = ["name", "commune", "address"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["english_saved_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "parent", "commune", "description", "head"]}),
        (
            gettext_lazy("Contacts"),
            {"fields": ["address", "phones", "hotline", "email", "working_hours"]},
        ),
        (
            gettext_lazy("On the map"),
            {"classes": ["collapse"], "fields": ["latitude", "longitude"]},
        ),
        (
            gettext_lazy("English"),
            {"fields": ["name_en", "description_en", "hours_en", "english_saved_at"]},
        ),
        (gettext_lazy("Display"), {"fields": ["slug", "position", "active", "updated_at"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Accents optional: "phu dinh" finds "Công an xã Phú Đình"."""
        for word in fold_accents(search_term).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False


@admin.register(Leader)
class LeaderAdmin(HistoryAdmin):
    list_display = ["name", "rank", "title", "term_start", "term_end", "english_out_of_date"]
    list_filter = [EnglishOutOfDateFilter]
    list_editable = []
    search_fields = ["name", "title"]
    autocomplete_fields = ["unit"]
    raw_id_fields = ["portrait"]
    readonly_fields = ["english_saved_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "rank",
                    "title",
                    "unit",
                    "responsibilities",
                    "term_start",
                    "term_end",
                    "portrait",
                    "position",
                ]
            },
        ),
        (
            gettext_lazy("English"),
            {"fields": ["rank_en", "title_en", "responsibilities_en", "english_saved_at"]},
        ),
    ]
