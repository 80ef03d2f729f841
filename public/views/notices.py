"""Wanted notices (“Truy nã”): the list with photos and filters, a notice's page and its A4
poster, the withdrawals (“đình nã”), and the lookup by decision number.

Every read goes through ``WantedNotice.objects.public()`` (``published()``, not withdrawn).
A withdrawn notice's address answers 410 with the short withdrawal notice; its photos are
gone from the media store (``notices.services.notice_withdraw``).
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from notices.models import Offence, WantedNotice, Withdrawal, decision_key
from public.addresses import absolute
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.templating import render_part

PAGE_SIZE = 12


def _year(value: str) -> int | None:
    return int(value) if value.isdigit() and 1945 <= int(value) <= 2100 else None


@require_safe
def notice_list(request: HttpRequest) -> HttpResponse:
    year = _year(request.GET.get("nam", ""))
    offence_slug = request.GET.get("toi-danh", "")[:160]
    number = request.GET.get("page") or "1"
    vary = f"{year or ''}:{offence_slug}:{number}"
    parts = cached_parts(
        request, "notices", vary, lambda: notice_list_parts(request, year, offence_slug, number)
    )
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


def notice_list_parts(
    request: HttpRequest, year: int | None, offence_slug: str, number: str
) -> dict:
    public = WantedNotice.objects.public()
    offences = list(Offence.objects.filter(notices__in=public).distinct())
    offence = next((o for o in offences if o.slug == offence_slug), None)
    if offence_slug and offence is None:
        raise Http404
    notices = public
    if year:
        notices = notices.filter(decision_date__year=year)
    if offence:
        notices = notices.filter(offence=offence)
    years = sorted({d.year for d in public.dates("decision_date", "year")}, reverse=True)
    paginator = Paginator(notices.for_cards().latest_first(), PAGE_SIZE)
    try:
        page = paginator.page(paginator.num_pages if number == "last" else number)
    except InvalidPage as exc:
        raise Http404 from exc
    filters = {k: v for k, v in (("nam", year or ""), ("toi-danh", offence_slug)) if v}
    context = {
        "page_obj": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": urlencode(filters),
        "years": years,
        "offences": offences,
        "year": year,
        "offence": offence,
        "filtered": bool(filters),
    }
    return {
        "title": _("Wanted persons"),
        "description": _(
            "Wanted notices published by the police: photos, offences, where to send tips."
        ),
        "canonical": absolute(reverse("public:notices")),
        "robots": "noindex, follow" if filters or page.number > 1 else "",
        "main": render_part("notices/list_main.html", context, request),
        **site_parts(request),
    }


@require_safe
def notice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        notice = WantedNotice.objects.public().for_cards().filter(slug=slug).first()
        if notice is None:
            raise WantedNotice.DoesNotExist
        context = {"notice": notice, "canonical_url": absolute(notice.get_absolute_url())}
        return {
            "title": _("Wanted: %(name)s") % {"name": notice.full_name},
            "description": _("Wanted notice %(number)s: %(name)s, born %(year)s, %(offence)s.")
            % {
                "number": notice.decision_number,
                "name": notice.full_name,
                "year": notice.birth_year,
                "offence": notice.offence.name,
            },
            "canonical": context["canonical_url"],
            "head": render_part("notices/detail_head.html", context, request),
            "main": render_part("notices/detail_main.html", context, request),
            **site_parts(request),
        }

    try:
        parts = cached_parts(request, "notice", slug, make)
    except WantedNotice.DoesNotExist:
        return notice_gone(request, slug)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


def notice_gone(request: HttpRequest, slug: str) -> HttpResponse:
    """A withdrawn notice: 410 with the short withdrawal notice; anything else 404."""
    withdrawal = Withdrawal.objects.filter(notice__slug=slug).select_related("notice").first()
    if withdrawal is None:
        if WantedNotice.objects.filter(slug=slug, status=WantedNotice.Status.UNPUBLISHED).exists():
            return render(request, "410.html", status=410, using="jinja2")
        raise Http404
    return render(
        request, "notices/withdrawn.html", {"withdrawal": withdrawal}, status=410, using="jinja2"
    )


@require_safe
def notice_poster(request: HttpRequest, slug: str) -> HttpResponse:
    """The notice on one A4 page, to print and put up (print CSS)."""
    notice = WantedNotice.objects.public().for_cards().filter(slug=slug).first()
    if notice is None:
        return notice_gone(request, slug)
    context = {"notice": notice, "canonical_url": absolute(notice.get_absolute_url())}
    response = TemplateResponse(request, "notices/poster.html", context, using="jinja2")
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def withdrawals(request: HttpRequest) -> HttpResponse:
    """The withdrawal notices (“Thông báo đình nã”): short texts, no photo."""

    def make() -> dict:
        paginator = Paginator(
            Withdrawal.objects.select_related("notice").order_by("-withdrawn_at", "-pk"), 30
        )
        number = request.GET.get("page") or "1"
        try:
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as exc:
            raise Http404 from exc
        context = {
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        }
        return {
            "title": _("Withdrawn wanted notices"),
            "description": _("Wanted notices withdrawn (đình nã) by the police."),
            "canonical": absolute(reverse("public:notice-withdrawals")),
            "main": render_part("notices/withdrawals_main.html", context, request),
            **site_parts(request),
        }

    parts = cached_parts(request, "withdrawals", request.GET.get("page") or "1", make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


@require_safe
def notice_lookup(request: HttpRequest) -> HttpResponse:
    """Is this wanted decision genuine? A citizen types its number; beside the answer, the
    fixed warning that the police never send wanted decisions by SMS or phone."""
    number = " ".join(request.GET.get("so", "").split())[:60]
    key = decision_key(number)

    def make() -> dict:
        found = withdrawn = None
        if key:
            found = WantedNotice.objects.public().for_cards().matching_decision(number).first()
            if found is None:
                withdrawn = (
                    Withdrawal.objects.filter(
                        models.Q(notice__decision_key=key)
                        | models.Q(decision_number__iexact=number)
                    )
                    .select_related("notice")
                    .first()
                )
        context = {"number": number, "asked": bool(key), "found": found, "withdrawn": withdrawn}
        return {
            "title": _("Check a wanted decision"),
            "description": _(
                "Type the number of a wanted decision to check whether it was really issued. "
                "The police never send wanted decisions by SMS or phone."
            ),
            "canonical": absolute(reverse("public:notice-lookup")),
            "robots": "noindex, follow" if key else "",
            "main": render_part("notices/lookup_main.html", context, request),
            **site_parts(request),
        }

    parts = cached_parts(request, "notice-lookup", key, make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")
