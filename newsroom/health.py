"""Liveness and readiness probe for the load balancer and docker-compose.

The site needs its database: without it ``/healthz`` answers 503 and a container health
check may restart it. The cache it can do without (pages then come from the database,
``public/cache_breaker.py``): a cache that fails is reported as ``"degraded"`` with 200,
so that nobody restarts a site that works because Redis is down.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from newsroom import replica

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


# Each part, its check, and what its failure means for the site.
CHECKS = {"db": (_check_db, "error"), "cache": (_check_cache, "degraded")}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with {"db": "ok", "cache": "ok"} (or "cache": "degraded"), 503 when the
    database fails."""
    report = {}
    for name, (check, failure) in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure of a dependency is a failed probe
            logger.warning("healthz: %s is failing: %s", name, exc)
            report[name] = failure
        else:
            report[name] = "ok"
    if replica.configured():
        # Readers' pages come from the primary when the replica is down or behind: a
        # replica's trouble is reported, never a reason to take this server out.
        state = replica.health(force=True)
        report["replica"] = state.state
        report["replica_lag_seconds"] = round(state.lag, 1)
    healthy = "error" not in report.values()
    return JsonResponse(report, status=200 if healthy else 503)
