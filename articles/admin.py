"""The editorial desk, on top of the Django admin.

Object-level rules (who may edit which article, who may take which workflow step) live
in ``articles.services`` and are checked here on every request, not only by hiding
buttons.
"""

from __future__ import annotations

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from articles import revisions, services, textfold
from articles.image_admin import GalleryItemInline  # also registers the image library
from articles.images import image_upload
from articles.models import (
    Article,
    Author,
    Byline,
    Campaign,
    Image,
    Section,
    Tag,
    Transition,
)
from articles.views import article_page_parts

Status = Article.Status
Action = Transition.Action

STATUS_COLOURS = {
    Status.DRAFT: "#6b6b6b",
    Status.SUBMITTED: "#1f5fa8",
    Status.RETURNED: "#b35c00",
    Status.FORWARDED: "#6a3fa0",
    Status.PUBLISHED: "#1e7a3c",
    Status.UNPUBLISHED: "#a4161a",
    Status.ARCHIVED: "#444",
}


def status_badge(article: Article) -> str:
    if article.status == Status.PUBLISHED and article.published_at > timezone.now():
        return format_html(
            '<span class="nr-badge nr-badge--scheduled" title="{}">{} · {}</span>',
            formats.date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT"),
            _("Scheduled"),
            _("in %(time)s") % {"time": timeuntil(article.published_at)},
        )
    return format_html(
        '<span class="nr-badge nr-badge--{}">{}</span>',
        article.status,
        article.get_status_display(),
    )


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ["author"]
    verbose_name = gettext_lazy("author")
    verbose_name_plural = gettext_lazy("Byline (authors in order)")


class ArticleCountMixin:
    """Adds an "articles" column counted in the list query itself."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=gettext_lazy("articles"), ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


class CoverWidget(admin.widgets.ForeignKeyRawIdWidget):
    """Pick the cover from the library (a popup with thumbnails) and show what was chosen."""

    template_name = "admin/articles/widgets/cover.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = Image.objects.filter(pk=value).first() if value else None
        context["cover"] = image
        context["add_url"] = reverse("admin:articles_image_add") + "?_popup=1&_to_field=id"
        return context


class ArticleForm(forms.ModelForm):
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title", "slug", "sapo", "body", "cover", "section", "tags", "campaigns",
            "featured", "published_at",
        ]  # fmt: skip
        widgets = {
            "body": CKEditor5Widget(config_name="article"),
            "sapo": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.lock_version

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Lock the row for the rest of the save (PostgreSQL); a form opened on an older
        # version is refused instead of silently overwriting a colleague's work.
        current = Article.objects.select_for_update().only("lock_version").get(pk=self.instance.pk)
        if cleaned.get("edit_version") != current.lock_version:
            saved = Article.objects.select_related("updated_by").get(pk=self.instance.pk)
            who = saved.updated_by or _("someone")
            when = formats.date_format(timezone.localtime(saved.updated_at), "DATETIME_FORMAT")
            # Saving again from this form is now a deliberate overwrite of that version.
            self.data = self.data.copy()
            self.data["edit_version"] = current.lock_version
            raise ValidationError(
                _(
                    "%(who)s saved this article at %(when)s, after you opened it. Your text is "
                    "still below and nothing was saved: compare with the history, then save "
                    "again to replace their version."
                )
                % {"who": who, "when": when},
                code="stale",
            )
        return cleaned


class WorkflowStatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Status.choices, ("scheduled", _("Scheduled"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
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


def _read_only(field: str) -> str:
    return {"body": "body_display"}.get(field, field)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "cover_thumbnail",
        "title",
        "status_column",
        "section",
        "byline_column",
        "published_at",
        "is_published",
    ]
    list_display_links = ["title"]
    list_filter = [WorkflowStatusFilter, "section", "campaigns", AuthorFilter, "published_at"]
    list_select_related = ["section", "cover"]
    list_per_page = 50
    # "12 results (100.000 total)" counts the whole table on every filtered page: skip it.
    show_full_result_count = False
    search_fields = ["title", "sapo"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags", "campaigns", "section"]
    raw_id_fields = ["cover"]
    inlines = [BylineInline, GalleryItemInline]
    actions = ["submit_selected", "forward_selected", "approve_selected", "archive_selected"]
    readonly_fields = [
        "status_display",
        "view_count",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "sapo", "body", "cover", "edit_version"]}),
        (gettext_lazy("Placement"), {"fields": ["section", "tags", "campaigns", "featured"]}),
        (gettext_lazy("Publication"), {"fields": ["status_display", "published_at"]}),
        (
            gettext_lazy("Record"),
            {
                "classes": ["collapse"],
                "fields": ["view_count", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    class Media:
        css = {"all": ["articles/admin/editor.css"]}
        js = ["articles/admin/article_form.js"]

    # Lists -----------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )
        user = request.user
        if user.is_superuser or user.has_perm("articles.edit_any_article"):
            return queryset
        # Reporters work on their own articles.
        return queryset.filter(Q(created_by=user) | Q(bylines__author__user=user)).distinct()

    @admin.display(description=gettext_lazy("cover"))
    def cover_thumbnail(self, article: Article) -> str:
        if not article.cover:
            return ""
        return format_html(
            '<img src="{}" alt="" width="64" height="40" class="nr-thumb" loading="lazy">',
            article.cover.file.url,
        )

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, article: Article) -> str:
        return status_badge(article)

    @admin.display(description=gettext_lazy("authors"))
    def byline_column(self, article: Article) -> str:
        return article.byline

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
            (name, {**options, "fields": [_read_only(f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description=gettext_lazy("body"))
    def body_display(self, article: Article) -> str:
        # Sanitised by Article.save() (articles/sanitize.py), like the public page.
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
        reversion.set_comment(form.changed_data and ", ".join(form.changed_data) or "")

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
                    "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
                    "revision_count": revisions.versions_of(article).count(),
                }
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        name = "articles_article_"
        return [
            path("upload-image/", wrap(self.editor_upload_view), name=f"{name}editor_upload"),
            path(
                "<int:pk>/transition/<str:action>/",
                wrap(self.transition_view),
                name=f"{name}transition",
            ),
            path("<int:pk>/preview/", wrap(self.preview_view), name=f"{name}preview"),
            path("<int:pk>/presence/", wrap(self.presence_view), name=f"{name}presence"),
            path("<int:pk>/revisions/", wrap(self.revisions_view), name=f"{name}revisions"),
            path("<int:pk>/revisions/restore/", wrap(self.restore_view), name=f"{name}restore"),
            *super().get_urls(),
        ]

    def _article_for(self, request: HttpRequest, pk: int, *, change: bool = False) -> Article:
        """The article, or 404 if the user cannot see it, or 403 if they cannot change it."""
        article = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        if change and not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def transition_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if action not in Action.values:
            raise PermissionDenied
        # The services decide who may take which step; a refusal is a 403.
        article = get_object_or_404(Article, pk=pk)
        comment = request.POST.get("comment", "")
        try:
            services.article_transition(
                article=article, by=request.user, action=action, comment=comment
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(title)s”: %(step)s — done.")
                % {"title": article.title, "step": Action(action).label},
                messages.SUCCESS,
            )
        return redirect("admin:articles_article_change", article.pk)

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = self._article_for(request, pk)
        response = TemplateResponse(
            request,
            "articles/article_preview.html",
            {
                "article": article,
                "object": article,
                "preview": True,
                **article_page_parts(article),
            },
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response

    def presence_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        if request.method != "POST":
            return JsonResponse({}, status=405)
        article = self._article_for(request, pk, change=True)
        if request.POST.get("leave"):
            services.presence_leave(article=article, user=request.user)
            return JsonResponse({"others": []})
        others = services.presence_touch(article=article, user=request.user)
        return JsonResponse(
            {
                "others": [
                    {
                        "name": str(p.user),
                        "since": formats.date_format(timezone.localtime(p.since), "TIME_FORMAT"),
                    }
                    for p in others
                ]
            }
        )

    def revisions_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = self._article_for(request, pk)
        versions = list(revisions.versions_of(article))
        diffs = older = newer = None
        chosen = {request.GET.get("a"), request.GET.get("b")} - {None, ""}
        if len(chosen) == 2:
            picked = sorted(
                (v for v in versions if str(v.pk) in chosen), key=lambda v: v.revision.date_created
            )
            if len(picked) == 2:
                older, newer = picked
                diffs = revisions.compare(older, newer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Revisions of “%(title)s”") % {"title": article.title},
            "article": article,
            "versions": versions,
            "older": older,
            "newer": newer,
            "diffs": diffs,
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def restore_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        article = self._article_for(request, pk, change=True)
        version = get_object_or_404(revisions.versions_of(article), pk=request.POST.get("version"))
        revisions.article_restore_revision(article=article, version=version, by=request.user)
        self.message_user(request, _("The chosen version was restored."), messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

    def editor_upload_view(self, request: HttpRequest) -> JsonResponse:
        """CKEditor's image upload: into the image library, for those who may add images."""
        if request.method != "POST":
            return JsonResponse({"error": {"message": _("Use POST.")}}, status=405)
        if not request.user.has_perm("articles.add_image"):
            return JsonResponse(
                {"error": {"message": _("You do not have the right to upload images.")}},
                status=403,
            )
        upload = request.FILES.get("upload")
        if upload is None:
            return JsonResponse({"error": {"message": _("No file was sent.")}}, status=400)
        try:
            image = image_upload(file=upload, uploaded_by=request.user)
        except ValidationError as error:
            # A verdict on the file, not a bad request: CKEditor shows the message, and the
            # browser logs no failed request (as for the bulk upload).
            return JsonResponse({"error": {"message": " ".join(error.messages)}})
        return JsonResponse({"url": image.file.url, "id": image.pk})

    # Bulk actions, each within the role's powers ----------------------------------------

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
            self.message_user(
                request,
                _("%(step)s: %(count)s article(s).")
                % {"step": Action(action).label, "count": done},
                messages.SUCCESS,
            )
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


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The approval trail: who did what to which article, and when."""

    list_display = ["at", "article_link", "action", "from_status", "to_status", "by", "comment"]
    list_filter = ["action", "to_status", ("by", admin.RelatedOnlyFieldListFilter), "at"]
    list_select_related = ["article", "by"]
    search_fields = ["article__title", "comment"]
    date_hierarchy = "at"

    @admin.display(description=gettext_lazy("article"), ordering="article__title")
    def article_link(self, step: Transition) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[step.article_id]),
            step.article.title,
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Section)
class SectionAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "position", "article_count"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "unit", "user", "article_count"]
    list_select_related = ["user"]
    search_fields = ["name", "unit"]
    autocomplete_fields = ["user"]


@admin.register(Campaign)
class CampaignAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "article_count"]
    search_fields = ["name", "slogan"]
    raw_id_fields = ["cover"]
    date_hierarchy = "starts_on"
