"""The API's front door, before sessions, authentication, CSRF and any view.

For ``/api/`` and the JSON feeds it answers, in this order and without the database:
a method other than GET/HEAD (405), an unknown or revoked partner key (401; keys are
cached, see ``api.keys``), a conditional request whose copy is current (304, from the
content version: ``api.caching``), and a client over its quota (429 with Retry-After:
per address for anonymous clients, ``API_RATE_LIMIT``; per key for partners, the key's
own quota). Everything else goes on, and a 200 leaves with its validators and
cache headers. The counting is the site's own fixed window
(``newsroom.middleware.window_wait``, as for search and feeds).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from api.caching import not_modified, validators_for
from api.keys import find_key
from api.problems import problem_response
from newsroom.client_ip import client_ip
from newsroom.middleware import window_wait
from newsroom.public_input import has_control_characters


def is_api_path(path: str) -> bool:
    return path.startswith("/api/") or path.endswith("/feed.json")


class ApiGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_path(request.path_info) or request.method == "OPTIONS":
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = problem_response(405, _("This API only reads: use GET."), request=request)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        query = unquote(request.META.get("QUERY_STRING", ""), errors="replace")
        if has_control_characters(request.path_info) or has_control_characters(query):
            return problem_response(
                400, _("The address holds control characters."), request=request
            )
        raw_key = request.META.get("HTTP_X_API_KEY", "")
        key = find_key(raw_key) if raw_key else None
        if raw_key and key is None:
            return problem_response(
                401, _("The X-Api-Key sent is unknown or has been revoked."), request=request
            )
        validators = validators_for(request)
        if validators is not None:
            unchanged = not_modified(request, validators)
            if unchanged is not None:
                return unchanged
        if key is not None:
            wait = window_wait(f"api-key:{key[0]}", key[1])
        else:
            wait = window_wait(f"api:{client_ip(request)}", settings.API_RATE_LIMIT)
        if wait:
            response = problem_response(
                429,
                _("Too many requests from this address: try again in %(seconds)s seconds.")
                % {"seconds": wait},
                request=request,
                retry_after=wait,
            )
            response["Retry-After"] = str(wait)
            return response
        response = self.get_response(request)
        if response.status_code == 404 and "json" not in response.get("Content-Type", ""):
            # An address no route of the API matches: a problem, like every other error.
            return problem_response(
                404, _("Nothing is published at this address."), request=request
            )
        if response.status_code == 200 and validators is not None:
            validators.apply(response)
        return response
