"""Errors as RFC 9457 problem details (``application/problem+json``), titled in Vietnamese.

``type`` is ``about:blank``: the status code says what happened, the title says it in
the reader's language (RFC 9457 §4.2.1 allows a localised title), ``detail`` says what to
change. A 400 also names what is valid (``valid``), so a client never has to guess.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Invalid request"),
    401: gettext_lazy("Unknown or revoked API key"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    410: gettext_lazy("No longer published"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
}


class Problem(Exception):
    """Raised anywhere in the API; answered as a problem document."""

    def __init__(self, status: int, detail: str = "", **extra) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra


def problem_response(
    status: int, detail: str = "", *, request: HttpRequest | None = None, **extra
) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": str(TITLES.get(status, _("Error"))),
        "status": status,
        "detail": detail or str(TITLES.get(status, "")),
    }
    if request is not None:
        body["instance"] = request.path
    body.update(extra)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    # "Gone" and "not found" may be kept as briefly as content; mistakes are not kept.
    if status in (404, 410):
        response["Cache-Control"] = "public, max-age=5, s-maxage=5"
    else:
        response["Cache-Control"] = "no-store"
    return response
