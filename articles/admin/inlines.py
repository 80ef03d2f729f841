"""The parts of an article edited inside its form: the byline and the photo story."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from articles.models import Article, Byline, GalleryItem
from photos.renditions import thumbnail_url


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ["author"]
    verbose_name = gettext_lazy("author")
    verbose_name_plural = gettext_lazy("Byline (authors in order)")


class GalleryItemForm(forms.ModelForm):
    position = forms.IntegerField(
        label=gettext_lazy("position"),
        min_value=0,
        required=False,
        help_text=gettext_lazy("Empty: after the others."),
    )

    class Meta:
        model = GalleryItem
        fields = ["position", "image", "caption"]


class GalleryItemFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        following = 1 + max((f.cleaned_data.get("position") or 0 for f in kept), default=0)
        for form in kept:
            if form.cleaned_data.get("position") is None:  # photos added without a number
                form.cleaned_data["position"] = form.instance.position = following
                following += 1


class GalleryItemInline(admin.TabularInline):
    """The ordered photos of an article's photo story, picked from the library."""

    model = GalleryItem
    form = GalleryItemForm
    formset = GalleryItemFormSet
    extra = 0
    autocomplete_fields = ["image"]
    fields = ["position", "image", "preview", "caption"]
    readonly_fields = ["preview"]
    verbose_name_plural = gettext_lazy("Photo story (gallery)")

    class Media:
        css = {"all": ["css/admin-images.css"]}

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, item: GalleryItem) -> str:
        if not item.image_id:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="96" class="image-thumb">', thumbnail_url(item.image)
        )

    # The photo story is part of the article: whoever may edit the article may edit it.
    def _article_admin(self):
        return self.admin_site._registry[Article]

    def has_add_permission(self, request, obj=None):
        admin_ = self._article_admin()
        if obj is None:
            return admin_.has_add_permission(request)
        return admin_.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        admin_ = self._article_admin()
        if obj is None:
            return admin_.has_add_permission(request) or admin_.has_change_permission(request)
        return admin_.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return self._article_admin().has_view_permission(request, obj)
