"""How to report a crime (“Tố giác tội phạm”): a page built from the channels
administrators edit (``reporting.Channel``) and the commune police stations."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from organisation.models import Unit
from public.addresses import absolute
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.templating import render_part
from reporting.models import Channel


def commune_stations() -> list[Unit]:
    """The commune police stations (``organisation.Unit``), by name, each with the
    ``phone`` to call: its hotline, or else its first number."""
    stations = list(Unit.objects.communes().order_by("name"))
    for station in stations:
        station.phone = station.hotline or next(iter(station.phone_list), "")
    return stations


@require_safe
def reporting_page(request: HttpRequest) -> HttpResponse:
    def make() -> dict:
        channels = list(Channel.objects.shown())
        by_kind = {kind: [c for c in channels if c.kind == kind] for kind in Channel.Kind.values}
        context = {
            "emergency": by_kind[Channel.Kind.EMERGENCY],
            "duty_desks": by_kind[Channel.Kind.DUTY_DESK],
            "online": by_kind[Channel.Kind.ONLINE],
            "others": by_kind[Channel.Kind.OTHER],
            "stations": commune_stations(),
        }
        return {
            "title": _("How to report a crime"),
            "description": _(
                "Where and how to report a crime to the police: 113, the province's 24/7 duty "
                "desk, the commune police, online."
            ),
            "canonical": absolute(reverse("public:reporting")),
            "main": render_part("reporting/main.html", context, request),
            **site_parts(request),
        }

    parts = cached_parts(request, "reporting", "", make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")
