"""The English pages under /en/: the introduction, its translated pages, the organisation
chart, the leaders, the contacts and the news editors chose to translate.

Each runs in English (``newsroom.languages``) and keeps its parts under kinds of its own
("en-…"), so that no English part is ever served on a Vietnamese page, or the reverse.
The header and footer are English ones (``jinja2/english/``).
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from english.models import EnglishPage
from organisation.contacts import portal_contact
from organisation.models import Leader, Page
from public.addresses import absolute, page_url
from public.languages import generated_pair, pair_parts
from public.pagecache import cached_parts
from public.templating import render_part
from public.views.organisation import chart

NEWS_PAGE_SIZE = 10


def english_site_parts(request: HttpRequest, *, nav_current: str = "") -> dict:
    """The English header and footer (made once per content version and entry)."""

    def make() -> dict:
        context = {"nav_current": nav_current, "contact": portal_contact()}
        return {
            "site_header": render_part("english/header.html", context, request),
            "site_footer": render_part("english/footer.html", context, request),
        }

    return cached_parts(request, "en-site", nav_current, make)


def _page(request: HttpRequest, kind: str, vary: str, make) -> HttpResponse:
    parts = cached_parts(request, kind, vary, make)
    return TemplateResponse(request, "english/parts_page.html", {"parts": parts}, using="jinja2")


def _parts(
    request: HttpRequest,
    *,
    title: str,
    description: str,
    main: str,
    context: dict,
    nav: str,
    **more,
) -> dict:
    contact = portal_contact()
    context = {**context, "contact": contact}
    return {
        "title": title,
        "site_name": contact.name_en or contact.name,
        "description": Truncator(description).chars(300),
        "canonical": absolute(request.path),
        "head": render_part("english/head.html", context, request),
        "main": render_part(f"english/{main}.html", context, request),
        **more,
        **english_site_parts(request, nav_current=nav),
    }


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """/en/: the introduction in English and the latest English news."""

    def make() -> dict:
        page = (
            EnglishPage.objects.published()
            .filter(source_page__kind=Page.Kind.INTRODUCTION)
            .select_related("source_page")
            .first()
        )
        news = list(EnglishPage.objects.published().news().latest_first()[:5])
        contact = portal_contact()
        return _parts(
            request,
            title=page.title if page else _("Introduction"),
            description=page.summary if page else "",
            main="home_main",
            context={"page": page, "news": news, "about": _about_pages()},
            nav=reverse("en:home"),
            **pair_parts(request, vi=reverse("public:about"), en=request.path, current="en"),
            is_home=True,
            site_title=contact.name_en or contact.name,
        )

    return _page(request, "en-home", "", make)


def _about_pages() -> list[EnglishPage]:
    return list(
        EnglishPage.objects.published()
        .about()
        .exclude(source_page__kind=Page.Kind.INTRODUCTION)
        .select_related("source_page")
        .order_by("source_page__position")
    )


@require_safe
def page(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        found = (
            EnglishPage.objects.published()
            .about()
            .select_related("source_page")
            .filter(slug=slug)
            .first()
        )
        if found is None or found.source_page.kind == Page.Kind.INTRODUCTION:
            raise Http404
        return _parts(
            request,
            title=found.title,
            description=found.summary,
            main="page_main",
            context={"page": found},
            nav=request.path,
            **pair_parts(
                request, vi=found.source_page.get_absolute_url(), en=request.path, current="en"
            ),
        )

    return _page(request, "en-page", slug, make)


@require_safe
def structure(request: HttpRequest) -> HttpResponse:
    def make() -> dict:
        command, departments, communes = chart()
        return _parts(
            request,
            title=_("Organisation chart"),
            description=_(
                "How the provincial police is organised: its command, departments and "
                "commune police stations."
            ),
            main="structure_main",
            context={
                "command": command,
                "departments": departments,
                "communes": communes,
                "leaders": list(Leader.objects.in_office()),
            },
            nav=request.path,
            **generated_pair(request, "public:structure", "en"),
        )

    return _page(request, "en-structure", "", make)


@require_safe
def leaders(request: HttpRequest) -> HttpResponse:
    def make() -> dict:
        return _parts(
            request,
            title=_("Leaders"),
            description=_(
                "The command of the provincial police: titles, responsibilities and terms."
            ),
            main="leaders_main",
            context={"leaders": list(Leader.objects.in_office().select_related("portrait"))},
            nav=request.path,
            **generated_pair(request, "public:leaders", "en"),
        )

    return _page(request, "en-leaders", "", make)


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    def make() -> dict:
        command, departments, _communes = chart()
        return _parts(
            request,
            title=_("Contact"),
            description=_("How to reach the provincial police: address, phone, hotline, e-mail."),
            main="contact_main",
            context={"command": command, "departments": departments},
            nav=request.path,
            **generated_pair(request, "public:contact", "en"),
        )

    return _page(request, "en-contact", "", make)


@require_safe
def news(request: HttpRequest) -> HttpResponse:
    number = request.GET.get("page") or "1"

    def make() -> dict:
        paginator = Paginator(EnglishPage.objects.published().news().latest_first(), NEWS_PAGE_SIZE)
        try:
            page_obj = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as exc:
            raise Http404 from exc
        parts = _parts(
            request,
            title=_("News in English"),
            description=_("News of the provincial police, translated into English."),
            main="news_main",
            context={
                "page_obj": page_obj,
                "page_range": paginator.get_elided_page_range(
                    page_obj.number, on_each_side=2, on_ends=1
                ),
            },
            nav=request.path,
        )
        parts["canonical"] = page_url(request.path, page_obj.number, absolute_url=True)
        return parts

    return _page(request, "en-news", number, make)


@require_safe
def news_item(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        item = (
            EnglishPage.objects.published()
            .news()
            .select_related("source_article")
            .filter(slug=slug)
            .first()
        )
        if item is None or not item.source_article.is_published():
            raise Http404
        return _parts(
            request,
            title=item.title,
            description=item.summary,
            main="news_item_main",
            context={"item": item, "canonical_url": absolute(request.path)},
            nav=reverse("en:news"),
            **pair_parts(
                request, vi=item.source_article.get_absolute_url(), en=request.path, current="en"
            ),
        )

    return _page(request, "en-news-item", slug, make)
