"""English pages at the desk: each linked to its Vietnamese source, flagged when that
source changed after the English was last saved, with what changed since."""

from __future__ import annotations

import difflib

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from english import services
from english.models import EnglishPage
from publishing.admin import WorkflowAdminMixin, status_badge


class OutOfDateFilter(admin.SimpleListFilter):
    title = gettext_lazy("translation")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("out of date")), ("no", gettext_lazy("up to date"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        rows = queryset.select_related("source_page", "source_article")
        stale = [page.pk for page in rows if page.is_out_of_date()]
        if self.value() == "yes":
            return queryset.filter(pk__in=stale)
        return queryset.exclude(pk__in=stale)


class EnglishPageForm(forms.ModelForm):
    class Meta:
        model = EnglishPage
        fields = [
            "source_page",
            "source_article",
            "title",
            "slug",
            "summary",
            "body",
            "published_at",
        ]
        widgets = {"body": CKEditor5Widget(config_name="page")}


def word_diff(old: str, new: str) -> str:
    """What the Vietnamese gained (<ins>) and lost (<del>) since the translation."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            out.append(
                escape(" ".join(words if len(words) < 24 else [*words[:8], "…", *words[-8:]]))
            )
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # every piece escaped above


@admin.register(EnglishPage)
class EnglishPageAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    form = EnglishPageForm
    change_form_template = "admin/english/englishpage/change_form.html"
    list_display = ["title", "source_link", "freshness", "status_column", "translated_at"]
    list_filter = [OutOfDateFilter, "status"]
    list_select_related = ["source_page", "source_article"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["source_article"]
    readonly_fields = ["status_display", "translated_at", "source_link"]
    fieldsets = [
        (None, {"fields": ["source_page", "source_article", "source_link"]}),
        (gettext_lazy("English"), {"fields": ["title", "slug", "summary", "body"]}),
        (
            gettext_lazy("Publication"),
            {"fields": ["status_display", "published_at", "translated_at"]},
        ),
    ]

    def authored(self, request, obj: EnglishPage) -> bool:
        return services.is_author(obj, request.user)

    def record_step(self, obj: EnglishPage, **step):
        return services.record_step(obj, **step)

    def steps(self, obj: EnglishPage):
        return obj.steps.all()

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    @admin.display(description=gettext_lazy("Vietnamese source"))
    def source_link(self, page: EnglishPage) -> str:
        if not (page.source_page_id or page.source_article_id):
            return "—"
        source = page.source
        meta = source._meta
        return format_html(
            '<a href="{}">{}</a> · <a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[source.pk]),
            source.title,
            source.get_absolute_url(),
            _("on the site"),
        )

    @admin.display(description=gettext_lazy("translation"))
    def freshness(self, page: EnglishPage) -> str:
        if page.is_out_of_date():
            return format_html(
                '<span class="nr-badge nr-badge--returned">{}</span>',
                _("Out of date: the Vietnamese changed"),
            )
        return format_html('<span class="nr-badge nr-badge--published">{}</span>', _("Up to date"))

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, page: EnglishPage) -> str:
        return status_badge(page)

    @admin.display(description=gettext_lazy("status"))
    def status_display(self, page: EnglishPage) -> str:
        return status_badge(page) if page.pk else EnglishPage.Status.DRAFT.label

    def save_model(self, request, obj: EnglishPage, form, change) -> None:
        services.english_save(page=obj, by=request.user, comment=", ".join(form.changed_data))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        page = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if page is not None and page.is_out_of_date():
            now = EnglishPage.snapshot_of(page.source)
            then = page.source_snapshot or {}
            extra_context["stale"] = {
                "changes": [
                    (label, word_diff(then.get(key, ""), now[key]))
                    for key, label in [
                        ("title", _("Title")),
                        ("summary", _("Summary")),
                        ("text", _("Text")),
                    ]
                    if then.get(key, "") != now[key]
                ],
                "source_changed_at": getattr(page.source, "updated_at", None),
            }
        return super().change_view(request, object_id, form_url, extra_context)
