"""Admin registrations. The full editorial workflow (roles, approval) builds on these."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.image_admin import GalleryItemInline  # also registers the image library
from articles.models import Article, Author, Byline, Campaign, Section, Tag


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]


class ArticleCountMixin:
    """Adds an "articles" column counted in the list query itself."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "is_published", "section", "published_at", "featured"]
    list_filter = ["status", "featured", "section", "campaigns"]
    list_select_related = ["section"]
    search_fields = ["title", "sapo"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags", "campaigns", "cover", "section"]
    readonly_fields = ["view_count", "created_at", "created_by", "updated_at", "updated_by"]
    inlines = [BylineInline, GalleryItemInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "sapo", "body", "cover"]}),
        (_("Placement"), {"fields": ["section", "tags", "campaigns", "featured"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": ["view_count", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


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
    autocomplete_fields = ["cover"]
    date_hierarchy = "starts_on"
