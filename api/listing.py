"""One list, any resource: filters applied by the caller, then keyset pagination on the
chosen order, ``Link: rel="next"``, and a total only when asked for."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urlencode

from django.db import models
from django.http import HttpRequest, HttpResponse

from api.params import Request, Spec, encode_cursor

JSON = "application/json"


def json_response(data, *, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type=JSON,
    )


def page(
    request: HttpRequest,
    queryset: models.QuerySet,
    parsed: Request,
    spec: Spec,
    read: Callable[[models.QuerySet], list[dict]],
    columns: list[str],
) -> HttpResponse:
    """One page of ``queryset`` after ``parsed.cursor``; ``read`` turns the ``values()``
    rows of ``columns`` (plus the sort key) into what the API shows."""
    column, desc = spec.orders[parsed.order]
    counted = queryset
    if parsed.cursor is not None:
        at, pk = parsed.cursor
        if column:
            op = "lt" if desc else "gt"
            after = models.Q(**{f"{column}__{op}": at}) | models.Q(**{column: at, f"pk__{op}": pk})
        else:
            after = models.Q(**{"pk__lt" if desc else "pk__gt": pk})
        queryset = queryset.filter(after)
    ordering = [column, "pk"] if column else ["pk"]
    if desc:
        ordering = [f"-{name}" for name in ordering]
    keys = ["pk", *([column] if column and column not in columns else [])]
    rows_qs = queryset.order_by(*ordering).values(*dict.fromkeys([*columns, *keys]))
    fetched = list(rows_qs[: parsed.limit + 1])
    more = len(fetched) > parsed.limit
    fetched = fetched[: parsed.limit]
    items = read(fetched)
    body = {"items": items}
    next_cursor = None
    if more:
        last = fetched[-1]
        next_cursor = encode_cursor(last[column] if column else None, last["pk"])
    if parsed.total:
        body["total"] = counted.count()
    body["next"] = _next_url(request, next_cursor) if next_cursor else None
    response = json_response(body)
    if next_cursor:
        response["Link"] = f'<{body["next"]}>; rel="next"'
    return response


def _next_url(request: HttpRequest, cursor: str) -> str:
    query = {k: v for k, v in request.GET.items() if k != "cursor"}
    query["cursor"] = cursor
    return request.build_absolute_uri(request.path) + "?" + urlencode(query)
