"""Liveness and readiness probe for the load balancer and docker-compose."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_db() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=5)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just stored")
    cache.delete(key)


CHECKS = {"db": _check_db, "cache": _check_cache}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with {"db": "ok", "cache": "ok"}, or 503 naming the part that failed."""
    report = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure of a dependency is a failed probe
            logger.warning("healthz: %s is failing: %s", name, exc)
            report[name] = "error"
        else:
            report[name] = "ok"
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse(report, status=200 if healthy else 503)
