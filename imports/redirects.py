"""Old addresses: how one is written down, looked up, and answered.

An address is kept as (host, key). The key is the path, percent-decoded, in Unicode NFC,
without a trailing slash — or, for WordPress's ``?p=``/``?page_id=`` forms, the query
alone (they work under any path); an ``?ItemID=`` keeps its path (an old .NET page).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When

from articles import body
from imports.models import Redirect

ANY_PATH_PARAMETERS = ("p", "page_id")
PATH_PARAMETERS = ("itemid",)


def _path(path: str) -> str:
    path = unicodedata.normalize("NFC", unquote(path or "/"))
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path


def keys_for(path: str, query: str) -> list[str]:
    """Every key a request's path and query may be stored under, the most precise first."""
    keys = []
    params = {k.lower(): v for k, v in parse_qsl(query or "", keep_blank_values=False)}
    for name in PATH_PARAMETERS:
        if params.get(name, "").strip():
            keys.append(f"{_path(path)}?{name}={params[name].strip()}")
    if params.get("nv", "").strip() and params.get("op", "").strip():
        # NukeViet without pretty links: index.php?language=vi&nv=news&op=cat/alias-12
        op = unicodedata.normalize("NFC", params["op"]).strip().strip("/")
        keys.append(f"?nv={params['nv'].strip()}&op={op}")
    for name in ANY_PATH_PARAMETERS:
        if params.get(name, "").strip().isdigit():
            keys.append(f"?{name}={params[name].strip()}")
    keys.append(_path(path))
    return keys


def address_key(url: str) -> tuple[str, str]:
    """(host, the most precise key) of an old address."""
    parts = urlsplit(url)
    return (parts.hostname or "").lower(), keys_for(parts.path, parts.query)[0]


def find(host: str, path: str, query: str) -> Redirect | None:
    """The redirect for a request: this host's first, then any host's."""
    keys = keys_for(path, query)
    host = (host or "").lower()
    order = {key: i for i, key in enumerate(keys)}
    rows = list(
        Redirect.objects.filter(old_path__in=keys)
        .select_related("article")
        .annotate(
            same_host=Case(
                When(host=host, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("same_host", "pk")[:20]
    )
    if not rows:
        return None
    rows.sort(key=lambda r: (order[r.old_path], r.host != host, r.host != ""))
    return rows[0]


def retired_hosts() -> set[str]:
    return {h.lower() for h in settings.RETIRED_HOSTS}


def rewrite_body_links(html: str) -> str:
    """Links to old addresses (of a retired domain or this site) pointed at the new page."""

    def change(href: str) -> str | None:
        parts = urlsplit(href)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("", "http", "https") or (not host and not parts.path):
            return None
        redirect = find(host, parts.path, parts.query)
        if redirect is None or redirect.gone:
            return None
        if host and host not in retired_hosts() and not Redirect.objects.filter(host=host).exists():
            return None
        return redirect.destination() or None

    return body.retarget_links(html, change)
