"""The reader pages' template engine: Jinja2, through Django's own backend.

Reader pages are rendered from ``jinja2/`` (the desk, the admin and e-mails stay with
Django's template language in ``templates/``). Jinja2 compiles a template to Python once,
so a page of cards renders in a fraction of the time: in ``make bench``'s cold path (every
cache off) the home page fell from 23 ms of CPU to the figure in docs/benchmarks.md, and
every first reader after a publish pays that path.

Strings are translated with Django's catalogue (``{{ _("…") }}``, ``ngettext``), and
``manage.py makemessages`` reads these templates too (``jinja2_strings()``). What
templates may call is listed here and nowhere else.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, pgettext

import jinja2
from photos.renditions import picture_html, social_image_url
from public import addresses, contacts, share_images
from public.structured_data import government_organization, legislation, news_article

# Characters that could end a <script> element early, escaped as in Django's json_script.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def environment(**options) -> jinja2.Environment:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext)
    env.globals.update(
        url=url,
        static=static,
        picture=picture,
        social_image_url=social_image_url,
        page_href=page_href,
        json_ld=json_ld,
        news_article=news_article,
        reporting_contacts=contacts.featured_channels,
        share_image_version=share_images.version,
        legislation=legislation,
        government_organization=government_organization,
    )
    env.filters.update(
        datetime=local_datetime,
        date=local_date,
        iso=iso,
        number=number,
        absolute=addresses.absolute,
        urlquote=urlquote,
        truncatechars=truncatechars,
        filesize=filesize,
        tel=tel,
    )
    return env


def render_part(template_name: str, context: dict, request) -> SafeString:
    """A part of a reader page, rendered with this engine (``jinja2/``): HTML made by a
    template, where every value was escaped, to be placed as it is in the page."""
    return mark_safe(render_to_string(template_name, context, request, using="jinja2"))  # noqa: S308


def url(name: str, *args, **kwargs) -> str:
    """``url("public:section", slug=…)``: Django's ``reverse()``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def picture(image, **options) -> SafeString:
    """``picture(photo, alt=…, sizes=…, lazy=True, priority=False)`` (photos/renditions.py)."""
    return picture_html(image, **options)


def local_datetime(value) -> str:
    """``08:44, 21/03/2023``, in Vietnam's time."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def local_date(value, format_name: str = "SHORT_DATE_FORMAT") -> str:
    return date_format(value, format_name) if value else ""


def iso(value) -> str:
    """ISO 8601 with the local offset: ``2023-03-21T08:44:00+07:00``."""
    return timezone.localtime(value).isoformat() if value else ""


def number(value) -> str:
    """``130.000``: the thousands separated as the site's locale writes them."""
    return number_format(value, force_grouping=True)


def filesize(value: int) -> str:
    """``1,2 MB``, ``340 KB``: as the site's locale writes decimals."""
    if value >= 1024 * 1024:
        return f"{number_format(value / (1024 * 1024), 1)} MB"
    return f"{max(1, round(value / 1024))} KB"


def urlquote(value) -> str:
    return quote(str(value), safe="")


def tel(value) -> str:
    """A phone number as a ``tel:`` address wants it: "0200 3855 113" → "02003855113"."""
    return "".join(c for c in str(value or "") if c.isdigit() or c == "+")


def truncatechars(value, length: int) -> str:
    return Truncator(str(value or "")).chars(int(length))


@jinja2.pass_context
def page_href(context, number_: int, absolute_url: bool = False) -> str:
    """The address of page ``number_`` of the current list, keeping the search query."""
    request = context["request"]
    return addresses.page_url(
        request.path, int(number_), query=context.get("page_query", ""), absolute_url=absolute_url
    )


def json_ld(data: dict) -> SafeString:
    """<script type="application/ld+json"> with the JSON escaped for an HTML script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(text.translate(_JSON_SCRIPT_ESCAPES)),
    )
