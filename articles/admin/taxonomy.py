"""Sections, tags, authors and campaigns: what articles are filed under."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy

from articles.models import Author, Campaign, Method, Section, Tag


class ArticleCountMixin:
    """Adds an "articles" column counted in the list query itself."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=gettext_lazy("articles"), ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


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


@admin.register(Method)
class MethodAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "position", "article_count"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
