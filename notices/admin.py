"""The wanted-notice desk: the workflow of any public content (``publishing.admin``), the
withdrawal (“đình nã”) as one form, and the review list of old notices."""

from __future__ import annotations

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notices import services
from notices.models import NoticePhoto, NoticeStep, Offence, WantedNotice, Withdrawal
from photos.renditions import thumbnail_url
from photos.services import image_upload
from publishing.admin import WorkflowAdminMixin, status_badge
from publishing.models import Action


class WithdrawalForm(forms.Form):
    decision_number = forms.CharField(
        label=gettext_lazy("Withdrawal decision number"), max_length=60
    )
    decision_date = forms.DateField(
        label=gettext_lazy("Withdrawal decision date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.ChoiceField(label=gettext_lazy("Reason"), choices=Withdrawal.Reason.choices)


class NoticeForm(forms.ModelForm):
    new_photo = forms.ImageField(
        label=gettext_lazy("Add a photo"),
        required=False,
        help_text=gettext_lazy(
            "The photo of the decision. It goes into the photo library, cleaned of its "
            "metadata; it is deleted from the site when the notice is withdrawn."
        ),
    )

    class Meta:
        model = WantedNotice
        fields = [
            "decision_number", "decision_date", "issuing_agency", "issuer_name", "issuer_title",
            "offence", "offence_detail", "full_name", "other_names", "sex", "birth_date",
            "birth_year", "residence", "features", "contact_agency", "contact_address",
            "contact_phone", "published_at", "slug",
        ]  # fmt: skip


class NoticePhotoInline(admin.TabularInline):
    model = NoticePhoto
    extra = 0
    autocomplete_fields = ["image"]
    fields = ["position", "image", "preview"]
    readonly_fields = ["preview"]

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, link: NoticePhoto) -> str:
        if not link.pk or not link.image.file:
            return ""
        return format_html(
            '<img src="{}" alt="" width="64" class="nr-thumb">', thumbnail_url(link.image)
        )


class NeedsReviewFilter(admin.SimpleListFilter):
    title = gettext_lazy("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            (
                "due",
                _("Published over %(months)s months without review")
                % {"months": settings.NOTICE_REVIEW_MONTHS},
            )
        ]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.needing_review(months=settings.NOTICE_REVIEW_MONTHS)
        return queryset


@admin.register(Offence)
class OffenceAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(WantedNotice)
class WantedNoticeAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    form = NoticeForm
    change_form_template = "admin/notices/wantednotice/change_form.html"
    list_display = [
        "decision_number",
        "full_name",
        "born",
        "offence",
        "status_column",
        "decision_date",
        "reviewed_at",
        "is_published",
    ]
    list_filter = [NeedsReviewFilter, "status", "offence", "decision_date"]
    list_select_related = ["offence"]
    search_fields = ["full_name", "other_names", "decision_number"]
    date_hierarchy = "decision_date"
    inlines = [NoticePhotoInline]
    actions = ["mark_reviewed"]
    readonly_fields = ["status_column", "reviewed_at", "reviewed_by", "withdrawn_at"]
    fieldsets = [
        (
            gettext_lazy("The decision"),
            {
                "fields": [
                    "decision_number",
                    "decision_date",
                    "issuing_agency",
                    "issuer_name",
                    "issuer_title",
                    "offence",
                    "offence_detail",
                ]
            },
        ),
        (
            gettext_lazy("The wanted person (only what the decision publishes)"),
            {
                "fields": [
                    "full_name",
                    "other_names",
                    "sex",
                    "birth_date",
                    "birth_year",
                    "residence",
                    "features",
                    "new_photo",
                ]
            },
        ),
        (
            gettext_lazy("Tips"),
            {"fields": ["contact_agency", "contact_address", "contact_phone"]},
        ),
        (
            gettext_lazy("Publication"),
            {
                "fields": [
                    "status_column",
                    "published_at",
                    "slug",
                    "reviewed_at",
                    "reviewed_by",
                    "withdrawn_at",
                ]
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only (withdrawn, or not theirs to change): no upload field to show.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "new_photo"]})
            for name, options in fieldsets
        ]

    # The workflow (publishing.admin) ------------------------------------------------

    def authored(self, request: HttpRequest, obj: WantedNotice) -> bool:
        return services.is_author(obj, request.user)

    def record_step(self, obj: WantedNotice, **step) -> NoticeStep:
        return services.record_step(obj, **step)

    def steps(self, obj: WantedNotice):
        return obj.steps.all()

    def workflow_context(self, request: HttpRequest, obj: WantedNotice) -> dict:
        context = super().workflow_context(request, obj)
        allowed = services.allowed_actions(request.user, obj)
        context["workflow_actions"] = [a for a in context["workflow_actions"] if a[0] in allowed]
        if services.can_withdraw(request.user, obj):
            context["withdrawal_form"] = WithdrawalForm()
        if obj.is_withdrawn:
            context["withdrawal"] = Withdrawal.objects.filter(notice=obj).first()
        return context

    def transition_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        notice = get_object_or_404(WantedNotice, pk=pk)
        if request.method == "POST" and action in Action.values:
            if action not in services.allowed_actions(request.user, notice):
                if notice.is_withdrawn:
                    self.message_user(
                        request,
                        _("This notice has been withdrawn: it cannot be changed."),
                        messages.ERROR,
                    )
                    return redirect("admin:notices_wantednotice_change", notice.pk)
        return super().transition_view(request, pk, action)

    def get_urls(self):
        return [
            path(
                "<int:pk>/withdraw/",
                self.admin_site.admin_view(self.withdraw_view),
                name="notices_wantednotice_withdraw",
            ),
            *super().get_urls(),
        ]

    def withdraw_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        notice = get_object_or_404(WantedNotice, pk=pk)
        if not request.user.has_perm("notices.withdraw_wantednotice"):
            raise PermissionDenied
        form = WithdrawalForm(request.POST)
        if not form.is_valid():
            errors = "; ".join(
                f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()
            )
            self.message_user(request, errors, messages.ERROR)
            return redirect("admin:notices_wantednotice_change", notice.pk)
        try:
            services.notice_withdraw(notice=notice, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(notice)s” is withdrawn: off the site, its photos deleted.")
                % {"notice": notice},
                messages.SUCCESS,
            )
        return redirect("admin:notices_wantednotice_change", notice.pk)

    # Lists and permissions -----------------------------------------------------------

    @admin.display(description=gettext_lazy("year of birth"), ordering="birth_year")
    def born(self, notice: WantedNotice) -> str:
        return str(notice.birth_year)  # a year, not a number: no thousands separator

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, notice: WantedNotice) -> str:
        if notice.is_withdrawn:
            return format_html(
                '<span class="nr-badge nr-badge--unpublished">{}</span>', _("Withdrawn")
            )
        return status_badge(notice) if notice.pk else WantedNotice.Status.DRAFT.label

    @admin.action(
        description=gettext_lazy("Reviewed: the person is still wanted"), permissions=["change"]
    )
    def mark_reviewed(self, request: HttpRequest, queryset) -> None:
        for notice in queryset.public():
            services.notice_mark_reviewed(notice=notice, by=request.user)
        self.message_user(request, _("Marked as reviewed."), messages.SUCCESS)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_withdrawn:
            return False
        if obj is not None and obj.status == WantedNotice.Status.PUBLISHED:
            if not request.user.has_perm("notices.publish_wantednotice"):
                return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and (obj.status == WantedNotice.Status.PUBLISHED or obj.is_withdrawn):
            return False
        return super().has_delete_permission(request, obj)

    # Saving --------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision(manage_manually=False):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        upload = form.cleaned_data.get("new_photo")
        if upload:
            image = image_upload(
                file=upload, uploaded_by=request.user, alt_text=form.instance.full_name
            )
            following = 1 + max((p.position for p in form.instance.photos.all()), default=-1)
            NoticePhoto.objects.get_or_create(
                notice=form.instance, image=image, defaults={"position": following}
            )


@admin.register(Withdrawal)
class WithdrawalAdmin(admin.ModelAdmin):
    list_display = [
        "decision_number",
        "notice",
        "reason",
        "decision_date",
        "withdrawn_at",
        "withdrawn_by",
    ]
    list_select_related = ["notice", "withdrawn_by"]
    search_fields = ["decision_number", "notice__decision_number", "notice__full_name"]

    def has_add_permission(self, request) -> bool:
        return False  # only through the notice's "Withdraw" form (notices.services)

    def has_change_permission(self, request, obj=None) -> bool:
        return False
