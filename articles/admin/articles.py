"""The article desk: the list, the form, and who may change what.

Object-level rules (who may edit which article, who may take which workflow step) live
in ``articles.services`` and are checked here on every request, not only by hiding
buttons.
"""

from __future__ import annotations

import reversion
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import revisions, services
from articles.admin.actions import WorkflowActions
from articles.admin.filters import AuthorFilter, WorkflowStatusFilter
from articles.admin.forms import ArticleForm, CoverWidget
from articles.admin.inlines import BylineInline, GalleryItemInline
from articles.admin.views import ArticleDeskViews
from articles.models import Article, Author, Byline, Section
from photos.renditions import thumbnail_url
from publishing.models import Action
from vietnamese import text as textfold

Status = Article.Status


def status_badge(article: Article) -> str:
    if article.is_scheduled():
        return format_html(
            '<span class="nr-badge nr-badge--scheduled" title="{}">{} · {}</span>',
            formats.date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT"),
            _("Scheduled"),
            _("in %(time)s") % {"time": timeuntil(article.published_at, depth=1)},
        )
    return format_html(
        '<span class="nr-badge nr-badge--{}">{}</span>',
        article.status,
        article.get_status_display(),
    )


class ArticleChangeList(ChangeList):
    """Django's list, where a date link at the edge of Python's years (9999, which a time
    the database holds beyond them is read as) is a bad filter, not a crash."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as exc:  # "year 10000 is out of range"
            raise IncorrectLookupParameters(exc) from exc


def changed_fields_note(form) -> str:
    """The revision's note: what the save changed, by the labels the editor saw ("Tiêu
    đề, Sapo, Nội dung"), not the fields' names in the code."""
    labels = [
        str(form.fields[name].label or name)
        for name in form.changed_data
        if name in form.fields and name != "edit_version"
    ]
    return _("Changed: %(fields)s") % {"fields": ", ".join(labels)} if labels else ""


def _read_only(field: str) -> str:
    return {"body": "body_display"}.get(field, field)


@admin.register(Article)
class ArticleAdmin(WorkflowActions, ArticleDeskViews, admin.ModelAdmin):
    form = ArticleForm
    desk_menu = 1  # first in the desk's menu
    # What fits a 1280 px screen beside the filters: the status badge says whether
    # readers see it (a "public" tick would repeat it).
    list_display = [
        "cover_thumbnail",
        "title",
        "status_column",
        "section",
        "byline_column",
        "time_column",
    ]
    list_display_links = ["title"]
    list_filter = [
        WorkflowStatusFilter, "kind", "section", "campaigns", AuthorFilter, "published_at"
    ]  # fmt: skip
    list_select_related = ["section", "cover"]
    list_per_page = 50
    # "12 results (100.000 total)" counts the whole table on every filtered page: skip it.
    show_full_result_count = False
    search_fields = ["title", "sapo"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags", "campaigns", "section", "methods"]
    raw_id_fields = ["cover"]
    inlines = [BylineInline, GalleryItemInline]
    readonly_fields = [
        "status_display",
        "view_count",
        "word_count",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "sapo", "body", "cover", "edit_version"]}),
        (gettext_lazy("Placement"), {"fields": ["section", "tags", "campaigns", "featured"]}),
        (
            gettext_lazy("Crime warning"),
            {"fields": ["kind", "methods", "warning_signs", "warning_advice"]},
        ),
        (gettext_lazy("Publication"), {"fields": ["status_display", "published_at"]}),
        (
            gettext_lazy("Record"),
            {
                "classes": ["collapse"],
                "fields": [
                    "word_count",
                    "view_count",
                    "created_at",
                    "created_by",
                    "updated_at",
                    "updated_by",
                ],
            },
        ),
    ]

    class Media:
        css = {"all": ["articles/admin/editor.css"]}
        js = ["articles/admin/article_form.js"]

    # Lists -----------------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )
        return services.desk_articles(request.user, queryset)

    @admin.display(description=gettext_lazy("photo"))
    def cover_thumbnail(self, article: Article) -> str:
        if not article.cover:
            return ""
        return format_html(
            '<img src="{}" alt="" width="64" height="40" class="nr-thumb" loading="lazy">',
            thumbnail_url(article.cover),  # the smallest rendition, not the stored photo
        )

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, article: Article) -> str:
        return status_badge(article)

    @admin.display(description=gettext_lazy("authors"))
    def byline_column(self, article: Article) -> str:
        # Names in the row, names with units on hover: rows keep one or two lines.
        return format_html(
            '<span title="{}">{}</span>',
            article.byline,
            ", ".join(author.name for author in article.author_list),
        )

    @admin.display(description=gettext_lazy("time"), ordering="published_at")
    def time_column(self, article: Article) -> str:
        if article.published_at:
            return formats.date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT")
        return format_html(
            '<span class="nr-muted" title="{}">{}</span>',
            _("Last saved"),
            formats.date_format(timezone.localtime(article.updated_at), "DATETIME_FORMAT"),
        )

    @admin.display(description=gettext_lazy("status"))
    def status_display(self, article: Article) -> str:
        return status_badge(article) if article.pk else Status.DRAFT.label

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive: "cong an" finds "Công an"; each word may be a prefix."""
        for term in textfold.words(search_term):
            queryset = queryset.filter(search_text__contains=f" {term}")
        return queryset, False

    # Object-level permissions ----------------------------------------------------------

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting loses history: only administrators, and never a published article.
        if obj is not None and obj.status == Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Someone who may only look (a reporter once the article is submitted) reads the
        # body as it will appear, not as HTML source.
        return [
            (
                name,
                {
                    **options,
                    "fields": [_read_only(f) for f in options["fields"] if f != "edit_version"],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description=gettext_lazy("body"))
    def body_display(self, article: Article) -> str:
        # Sanitised by Article.save() (articles/body.py), like the public page.
        return format_html('<div class="nr-body-readonly">{}</div>', mark_safe(article.body))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            fields.append("body_display")
        if not request.user.has_perm("articles.schedule_article"):
            fields += ["published_at", "featured"]
        if obj is not None and obj.first_published_at:
            fields.append("slug")
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "cover":
            kwargs["widget"] = CoverWidget(db_field.remote_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Saving ------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision(manage_manually=False):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if change:
            obj.lock_version = form.cleaned_data["edit_version"] + 1
        super().save_model(request, obj, form, change)
        reversion.set_comment(changed_fields_note(form))

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # A new article starts with its writer in the byline.
        if isinstance(inline, BylineInline) and obj.pk is None and request.method == "GET":
            author = Author.objects.filter(user=request.user).first()
            if author:
                kwargs["initial"] = [{"author": author.pk}]
        return kwargs

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("section", Section.objects.values_list("pk", flat=True).first())
        return initial

    # The change page ------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if article is not None and self.has_view_or_change_permission(request, article):
            others = []
            if request.method == "GET" and self.has_change_permission(request, article):
                others = services.presence_touch(article=article, user=request.user)
            extra_context.update(
                {
                    "workflow_actions": [
                        (action, Action(action).label, services.RULES[action].comment_required)
                        for action in services.allowed_actions(request.user, article)
                    ],
                    "transitions": article.transitions.select_related("by")[:50],
                    "status_html": status_badge(article),
                    "editing_now": others,
                    "preview_url": reverse("article-preview", args=[article.pk]),
                    "revision_count": revisions.versions_of(article).count(),
                }
            )
        return super().change_view(request, object_id, form_url, extra_context)
