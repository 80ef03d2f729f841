"""The language of a page is the language of its address, and nothing else.

``/en/…`` is English; every other address — the Vietnamese site, unprefixed, and the
admin — is Vietnamese, whatever the browser's ``Accept-Language`` or a cookie says.
Django's ``LocaleMiddleware`` is not used: for an unprefixed address it would consult the
browser and add ``Vary: Accept-Language`` to every Vietnamese page (splitting nginx's
micro-cache per browser), and ``i18n_patterns`` would also publish every Vietnamese
address under ``/en/``. Here the English pages have addresses of their own
(``public/urls_en.py``), the page cache keys them by their path as any other page, and
the answer says its language (``Content-Language``).

English is the source language of the interface strings, so an English page reads them
as written: Django gives English no fallback catalogue, so the Vietnamese one is never
applied to it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

ENGLISH_PREFIX = "/en/"


def language_of(path: str) -> str:
    return "en" if path == ENGLISH_PREFIX[:-1] or path.startswith(ENGLISH_PREFIX) else "vi"


class LanguageFromPathMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_of(request.path_info)
        if language != "en":
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # in this language, whatever comes after
        response.headers.setdefault("Content-Language", language)
        return response
