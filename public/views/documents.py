"""Legal documents: the list with its search and filters, a document's page, its files,
and the box of new documents.

The views live in ``public`` (not in ``documents``) because a reader page is made of
cached parts with the site's header and footer (``public.pagecache``,
``public.navigation``), and content apps do not import the reader layer. What is asked of
the database — the list, the number search, the filters' counts — is
``documents.search``; the files are ``documents.files``-verified records.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import InvalidPage, Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from articles.models import Article
from documents.files import CONTENT_TYPES
from documents.models import Attachment, Document
from documents.search import DocumentSearch, Filters
from public.addresses import absolute, page_url
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.templating import render_part

PAGE_SIZE = 20
FACET_LABELS = {
    "doc_type": gettext_lazy("Type"),
    "issuer": gettext_lazy("Issuer"),
    "field": gettext_lazy("Field"),
    "year": gettext_lazy("Year"),
    "validity": gettext_lazy("Status of validity"),
}


@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    """/van-ban/: the newest first, or what the words and filters find; 20 a page."""
    filters = Filters.from_query(request.GET)
    number = request.GET.get("page") or "1"
    parts = cached_parts(
        request,
        "documents",
        f"{filters.querystring()}?{number}",
        lambda: list_parts(request, filters, number),
    )
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


def list_parts(request: HttpRequest, filters: Filters, number: str) -> dict:
    search = DocumentSearch(filters)
    paginator = Paginator(search.results(), PAGE_SIZE)
    try:
        page = paginator.page(paginator.num_pages if number == "last" else number)
    except InvalidPage as exc:
        raise Http404 from exc
    path = reverse("public:documents")

    def address(chosen: Filters) -> str:
        query = chosen.querystring()
        return f"{path}?{query}" if query else path

    facets = search.facets()
    chosen = [
        (
            str(FACET_LABELS[name]),
            next((c.label for c in facets[name] if c.selected), ""),
            address(filters.without(name)),
        )
        for name in FACET_LABELS
        if getattr(filters, name)
    ]
    context = {
        "filters": filters,
        "facets": facets,
        "facet_labels": {name: str(label) for name, label in FACET_LABELS.items()},
        "chosen": chosen,
        "page_obj": page,
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": filters.querystring(),
        "clear_url": path,
        "feed_url": reverse("public:documents-feed"),
    }
    title = _("Legal documents")
    if filters.q:
        title = _("Documents for “%(q)s”") % {"q": filters.q}
    if page.number > 1:
        title = f"{title} – {_('page %(n)s') % {'n': page.number}}"
    return {
        "title": title,
        "description": _(
            "Legal documents issued or applied by the provincial police: laws, decrees, "
            "circulars, decisions, plans, with their status and full text."
        ),
        "canonical": page_url(path, page.number, query=filters.querystring(), absolute_url=True),
        "robots": "noindex, follow" if filters else "",
        "head": render_part("documents/list_head.html", context, request),
        "main": render_part("documents/list_main.html", context, request),
        "body_class": "documents-page",
        **site_parts(request, nav_current=path),
    }


@require_safe
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        document = Document.objects.published().for_page().filter(slug=slug).first()
        if document is None:
            raise Document.DoesNotExist
        return detail_parts(request, document)

    try:
        parts = cached_parts(request, "document", slug, make)
    except Document.DoesNotExist:
        if Document.objects.filter(slug=slug, status=Document.Status.UNPUBLISHED).exists():
            return render(request, "410.html", status=410, using="jinja2")
        raise Http404 from None
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


def detail_parts(request: HttpRequest, document: Document) -> dict:
    # Links to documents readers may not see are left out.
    links = [
        (link.get_kind_display(), link.target)
        for link in document.links_out.all()
        if link.target.is_published()
    ] + [
        (link.inverse_label, link.source)
        for link in document.links_in.all()
        if link.source.is_published()
    ]
    attachments = list(document.attachments.all())
    context = {
        "document": document,
        "validity": document.validity(),
        "links": links,
        "attachments": attachments,
        "preview": next((a for a in attachments if a.kind == Attachment.Kind.PDF), None),
        "related": list(
            Article.objects.published()
            .filter(cited_documents=document)
            .for_cards()
            .latest_first()[:6]
        ),
        "canonical_url": absolute(document.get_absolute_url()),
        "list_url": reverse("public:documents"),
    }
    return {
        "title": document.title,
        "description": Truncator(document.summary).chars(300),
        "canonical": context["canonical_url"],
        "head": render_part("documents/detail_head.html", context, request),
        "main": render_part("documents/detail_main.html", context, request),
        "body_class": "document-page",
        **site_parts(request, nav_current=reverse("public:documents")),
    }


@require_safe
@xframe_options_sameorigin
def document_file(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A file of a published document (staff may open those at the desk too): a PDF opens
    in the browser (the page's preview frames it), a DOCX or ``?tai-ve`` downloads."""
    documents = Document.objects.all()
    staff = request.user.is_authenticated and request.user.has_perm("documents.view_document")
    if not staff:
        documents = documents.published()
    attachment = get_object_or_404(
        Attachment.objects.select_related("document"),
        pk=pk,
        document__slug=slug,
        document__in=documents,
    )
    try:
        handle = attachment.file.open("rb")
    except (OSError, ObjectDoesNotExist) as exc:
        raise Http404 from exc
    download = attachment.kind != Attachment.Kind.PDF or "tai-ve" in request.GET
    response = FileResponse(
        handle,
        content_type=CONTENT_TYPES[attachment.kind],
        as_attachment=download,
        filename=attachment.download_name(),
    )
    response["X-Content-Type-Options"] = "nosniff"
    # The file is verified inert; only this site may frame it (the document page).
    response["Content-Security-Policy"] = "frame-ancestors 'self'"
    response["Cache-Control"] = "private, no-store" if staff else "public, max-age=86400"
    return response


def new_documents(limit: int = 5) -> list[Document]:
    """The newest published documents, for the home page's box."""
    newest = (
        Document.objects.published().select_related("doc_type").order_by("-published_at", "-pk")
    )
    return list(newest.only("number", "slug", "summary", "doc_type__name")[:limit])
