"""The article form: the fields an editor fills, the cover picker and the optimistic lock."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from articles.models import Article
from photos.models import Image


class CoverWidget(admin.widgets.ForeignKeyRawIdWidget):
    """Pick the cover from the library (a popup with thumbnails) and show what was chosen."""

    template_name = "admin/articles/widgets/cover.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = Image.objects.filter(pk=value).first() if value else None
        context["cover"] = image
        context["add_url"] = reverse("admin:photos_image_add") + "?_popup=1&_to_field=id"
        return context


class ArticleForm(forms.ModelForm):
    edit_version = forms.IntegerField(
        label=_lazy("version"), widget=forms.HiddenInput, required=False
    )

    class Meta:
        model = Article
        fields = [
            "title", "slug", "sapo", "body", "cover", "section", "tags", "campaigns",
            "featured", "published_at", "kind", "methods", "warning_signs", "warning_advice",
        ]  # fmt: skip
        widgets = {
            "body": CKEditor5Widget(config_name="article"),
            "sapo": forms.Textarea(attrs={"rows": 3}),
            "warning_signs": forms.Textarea(attrs={"rows": 4}),
            "warning_advice": forms.Textarea(attrs={"rows": 4}),
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
