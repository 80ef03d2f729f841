"""Old links keep working: one 301 to the new page, or 410 for what was left behind.

Placed before the public page cache: a request to a retired domain, or carrying an old
id in its query (``?p=``, ``?page_id=``, ``?ItemID=``), is answered here and never reaches
the cache, so it can neither be served nor poison the new domain's cached page. Any other
address is looked up only when the site has nothing for it (404).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from imports.models import Redirect
from imports.redirects import ANY_PATH_PARAMETERS, PATH_PARAMETERS, find, retired_hosts

_ID_PARAMETERS = set(ANY_PATH_PARAMETERS) | set(PATH_PARAMETERS)


def _host(request: HttpRequest) -> str:
    return request.get_host().rsplit(":", 1)[0].lower() if request.get_host() else ""


def _old_id_in_query(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "")
    return bool(query) and any(k.lower() in _ID_PARAMETERS for k, _v in parse_qsl(query))


class OldLinksMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        host = _host(request)
        retired = host in retired_hosts()
        if retired or _old_id_in_query(request):
            answer = self.answer(request, host)
            if answer is not None:
                return answer
            if retired:
                # Nothing recorded for it: the same path on the new domain.
                return HttpResponsePermanentRedirect(settings.SITE_URL + request.path)
        response = self.get_response(request)
        if response.status_code == 404:
            return self.answer(request, host) or response
        return response

    @staticmethod
    def answer(request: HttpRequest, host: str) -> HttpResponse | None:
        redirect = find(host, request.path, request.META.get("QUERY_STRING", ""))
        if redirect is None:
            return None
        Redirect.objects.filter(pk=redirect.pk).update(hits=F("hits") + 1)
        if redirect.gone:
            return render(request, "410.html", status=410, using="jinja2")
        destination = redirect.destination()
        if not destination:
            return None
        if destination.startswith("/"):
            destination = settings.SITE_URL + destination
        return HttpResponsePermanentRedirect(destination)
