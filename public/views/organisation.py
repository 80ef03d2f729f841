"""The organisation (giới thiệu): the introduction and its pages, the organisation chart,
the leaders, the directory of units with a page each, and "Liên hệ".

Views in ``public`` for the same reason as documents': pages of cached parts. The
introduction pages have English counterparts where a translation is published; the chart,
the leaders and the contacts always have theirs (``public.languages``).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from organisation.contacts import portal_contact
from organisation.models import Leader, Page, Unit
from public.addresses import absolute
from public.languages import english_of, generated_pair, pair_parts
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.templating import render_part


def _page(request: HttpRequest, kind: str, vary: str, make) -> HttpResponse:
    parts = cached_parts(request, kind, vary, make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


def _parts(
    request: HttpRequest, *, title: str, description: str, main: str, context: dict, **more
) -> dict:
    context = {
        **context,
        "about_menu": about_menu(),
        "current": request.path,
        "contact": portal_contact(),
    }
    return {
        "title": title,
        "description": Truncator(description).chars(300),
        "canonical": absolute(request.path),
        "head": render_part("organisation/head.html", context, request),
        "main": render_part(f"organisation/{main}.html", context, request),
        "body_class": "about-page",
        **more,
        **site_parts(request, nav_current=reverse("public:about")),
    }


def about_menu() -> list[tuple[str, str]]:
    """The introduction's own menu: its pages, then the pages drawn from the data."""
    pages = [(p.title, p.get_absolute_url()) for p in Page.objects.only("kind", "title", "slug")]
    return [
        *pages,
        (_("Organisation chart"), reverse("public:structure")),
        (_("Leaders"), reverse("public:leaders")),
        (_("Units and contacts"), reverse("public:units")),
        (_("Contact"), reverse("public:contact")),
    ]


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    """/gioi-thieu/: the introduction page, the leaders and the way to every unit."""

    def make() -> dict:
        page = Page.objects.filter(kind=Page.Kind.INTRODUCTION).first()
        leaders = list(Leader.objects.in_office().select_related("portrait")[:4])
        english = reverse("en:home")
        return _parts(
            request,
            title=page.title if page else _("Introduction"),
            description=page.summary if page else "",
            main="about_main",
            context={"page": page, "leaders": leaders},
            **pair_parts(request, vi=request.path, en=english, current="vi"),
        )

    return _page(request, "about", "", make)


@require_safe
def about_page(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        page = Page.objects.filter(slug=slug).exclude(kind=Page.Kind.INTRODUCTION).first()
        if page is None:
            raise Http404
        english = english_of("source_page_id", page.pk)
        pair = pair_parts(request, vi=request.path, en=english, current="vi") if english else {}
        return _parts(
            request,
            title=page.title,
            description=page.summary,
            main="page_main",
            context={"page": page},
            **pair,
        )

    return _page(request, "about-page", slug, make)


def chart() -> tuple[Unit | None, list[Unit], list[Unit]]:
    """The command, its departments and the commune stations (one query)."""
    units = list(Unit.objects.shown().order_by("position", "name"))
    command = next((u for u in units if u.kind == Unit.Kind.COMMAND), None)
    departments = [u for u in units if u.kind == Unit.Kind.DEPARTMENT]
    communes = [u for u in units if u.kind == Unit.Kind.COMMUNE]
    return command, departments, communes


@require_safe
def structure(request: HttpRequest) -> HttpResponse:
    """The organisation chart, drawn from the units (not an uploaded picture)."""

    def make() -> dict:
        command, departments, communes = chart()
        leaders = list(Leader.objects.in_office())
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
                "leaders": leaders,
            },
            **generated_pair(request, "public:structure", "vi"),
        )

    return _page(request, "structure", "", make)


@require_safe
def leaders(request: HttpRequest) -> HttpResponse:
    def make() -> dict:
        people = list(Leader.objects.in_office().select_related("portrait", "unit"))
        return _parts(
            request,
            title=_("Leaders"),
            description=_(
                "The command of the provincial police: titles, responsibilities and terms."
            ),
            main="leaders_main",
            context={"leaders": people},
            **generated_pair(request, "public:leaders", "vi"),
        )

    return _page(request, "leaders", "", make)


@require_safe
def units(request: HttpRequest) -> HttpResponse:
    """/gioi-thieu/don-vi/?q=&xa=: every unit, searchable without accents and by commune."""
    query = " ".join((request.GET.get("q") or "").split())[:100]
    commune = " ".join((request.GET.get("xa") or "").split())[:100]

    def make() -> dict:
        shown = Unit.objects.shown()
        found = shown.matching(query) if query else shown
        if commune:
            found = found.filter(commune=commune)
        found = list(found.order_by("kind", "position", "name"))
        communes = sorted(
            {c for c in shown.communes().values_list("commune", flat=True) if c},
            key=lambda c: c.split(" ", 1)[-1],
        )
        return _parts(
            request,
            title=_("Units and contacts"),
            description=_(
                "Addresses, phone numbers, hotlines, e-mail and working hours of every unit "
                "and commune police station."
            ),
            main="units_main",
            context={
                "units": found,
                "query": query,
                "commune": commune,
                "communes": communes,
                "kinds": Unit.Kind,
            },
            robots="noindex, follow" if query or commune else "",
        )

    return _page(request, "units", f"{query}\x1f{commune}", make)


@require_safe
def unit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        unit = Unit.objects.shown().select_related("parent").filter(slug=slug).first()
        if unit is None:
            raise Http404
        return _parts(
            request,
            title=unit.name,
            description=" · ".join(
                p for p in [unit.address, unit.hotline, unit.working_hours] if p
            ),
            main="unit_main",
            context={"unit": unit, "leaders": list(unit.leaders.in_office())},
        )

    return _page(request, "unit", slug, make)


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    """/lien-he/: the command's address and lines, the departments', the way to a commune."""

    def make() -> dict:
        command, departments, _communes = chart()
        return _parts(
            request,
            title=_("Contact"),
            description=_("How to reach the provincial police: address, phone, hotline, e-mail."),
            main="contact_main",
            context={"command": command, "departments": departments},
            **generated_pair(request, "public:contact", "vi"),
        )

    return _page(request, "contact", "", make)
