"""The yardstick Django application of ``make bench``: one view, a fixed 50 KB page.

The smallest Django a page can come from (no middleware, no database, no template), served
by gunicorn with the same workers as the site, so that the site's figures can be read as a
share of what Django itself costs on this machine at that moment.

Run as ``gunicorn bench.trivial:application``.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

PAGE = ("<!doctype html><html lang=vi><title>yardstick</title><p>" + "x" * 51_150).encode()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


def healthz(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", page), path("healthz", healthz)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="yardstick-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)
application = get_wsgi_application()
