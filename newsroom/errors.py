"""Error pages that need nothing that might be broken: no database, no request context.

They are plain templates rendered with the site name only. Details of the failure go
to the log (the ``django.request`` logger records every 5xx with its traceback), never
to the visitor. A refusal (403) and a form sent without its security token (Django's
CSRF check) get pages of their own in Vietnamese, with the way back to where the visitor
was working: the desk for staff, the home page for readers.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a client (or a crawler) is asked to wait before trying again.
DATABASE_RETRY_AFTER = 30
# PostgreSQL's codes for "no such table" and "no such schema": the schema is being
# restored (``make restore`` drops it, then loads the backup in one transaction) or the
# site runs before ``migrate``. Maintenance, not a bug.
SCHEMA_MISSING = {"42P01", "3F000"}


def static_page(template_name: str, *, status: int, **context) -> HttpResponse:
    html = render_to_string(template_name, {"site_name": settings.SITE_NAME, **context})
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable() -> HttpResponse:
    response = static_page("503.html", status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def is_database_unavailable(exception: BaseException | None) -> bool:
    """A lost connection, or tables that are not there (a restore under way)."""
    if isinstance(exception, OperationalError | InterfaceError):
        return True
    code = getattr(exception.__cause__, "pgcode", None) if exception is not None else None
    return isinstance(exception, ProgrammingError) and code in SCHEMA_MISSING


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database connection or a schema being restored is a 503 "back
    soon", anything else a 500.

    Django calls this while handling the exception, so ``sys.exc_info()`` names it,
    wherever it was raised (a view, a template, a middleware).
    """
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        logger.error("database unavailable: %s", exception)
        return database_unavailable()
    return static_page("500.html", status=500)


def _way_back(request: HttpRequest) -> str:
    desk = "/" + settings.ADMIN_URL
    return desk if request.path_info.startswith(desk) else "/"


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: what may not be done here, and the way back (never why in detail)."""
    return static_page("403.html", status=403, back_url=_way_back(request))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from a page kept open too long, or from elsewhere."""
    logger.warning("form refused by the CSRF check: %s (%s)", reason, request.path)
    desk = _way_back(request) != "/"
    back_url = _way_back(request) if desk else request.path  # a public form: back to it
    return static_page("403_csrf.html", status=403, back_url=back_url, desk=desk)
