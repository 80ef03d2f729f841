"""The article desk's own pages besides the form: workflow steps, the soft lock, revisions
and the editor's image upload. Every view checks the user's rights on the article itself.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from articles import revisions, services
from articles.admin.messages import step_done
from articles.models import Article
from photos.services import image_upload
from publishing.models import Action


class ArticleDeskViews:
    """Mixed into ``ArticleAdmin``: its extra addresses and their views."""

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
            self.message_user(request, step_done(article, action), messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

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
        if not request.user.has_perm("photos.add_image"):
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
