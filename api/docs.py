"""The API's guide, in Vietnamese, on the site itself (no CDN): every endpoint and its
parameters read from the same OpenAPI schema clients download."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from api.views import api


@require_safe
def docs_page(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": (operation.get("description") or operation.get("summary") or ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                }
            )
    context = {"endpoints": endpoints, "title": schema["info"]["title"]}
    return render(request, "api/docs.html", context, using="jinja2")
