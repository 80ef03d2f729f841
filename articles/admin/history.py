"""The approval register: who did what to which article, and when."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from articles.models import Transition


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The approval trail: who did what to which article, and when."""

    desk_menu = 3  # in the desk's menu, after the photo library

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
