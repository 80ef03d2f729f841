"""Reading and shaping what the API shows: lean queries (``values()``, related rows for a
whole page in one go) and plain dictionaries, with no model instance and no per-item
query or address lookup.

A page of articles with every include is two queries: the articles with their section
and cover (one join), then their authors, tags and campaigns (one UNION of the three
links). Every queryset given here is already ``published()`` (``api.views``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from api import statements
from articles.body import render as render_body
from articles.models import Article, Byline, GalleryItem
from photos.renditions import rendition_url

TZ = ZoneInfo(settings.TIME_ZONE)

ARTICLE_FIELDS = (
    "id", "slug", "title", "summary", "kind", "url", "published_at", "updated_at",
    "section", "tags", "authors", "campaigns", "cover",
)  # fmt: skip
ARTICLE_DETAIL_FIELDS = (*ARTICLE_FIELDS, "body", "warning_signs", "warning_advice")
PHOTO_STORY_FIELDS = (*ARTICLE_DETAIL_FIELDS, "photos")
ARTICLE_INCLUDES = ("authors", "section", "campaigns", "cover")


def when(value: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601 in Vietnam's time (``2023-03-21T08:44:00+07:00``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(TZ).isoformat()
    return value.isoformat()


@functools.lru_cache(maxsize=64)
def _address(name: str) -> str:
    """The absolute address pattern of a public page, asked of the URL resolver once."""
    return settings.SITE_URL + reverse(name, kwargs={"slug": "__slug__"})


def page_url(name: str, slug: str | None) -> str | None:
    return _address(name).replace("__slug__", slug) if slug else None


@functools.lru_cache(maxsize=8192)
def media_url(name: str) -> str:
    """A stored file's public address, asked of the storage once per file (as
    ``photos.renditions`` asks once per photo's folder)."""
    url = default_storage.url(name)
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def photo(row: dict, prefix: str, *, full: bool) -> dict | str | None:
    """A photo from ``values()`` columns under ``prefix``: its address, or with ``full``
    its size, texts and every rendition (WebP and JPEG per width)."""
    name = row.get(f"{prefix}file")
    if not name:
        return None
    url = media_url(name)
    if not full:
        return url
    sizes = (row.get(f"{prefix}renditions") or {}).get("sizes") or []
    return {
        "url": url,
        "width": row.get(f"{prefix}width"),
        "height": row.get(f"{prefix}height"),
        "alt": row.get(f"{prefix}alt_text") or "",
        "caption": row.get(f"{prefix}caption") or "",
        "credit": row.get(f"{prefix}credit") or "",
        "renditions": _renditions(name, tuple(map(tuple, sizes))),
    }


@functools.lru_cache(maxsize=8192)
def _renditions(name: str, sizes: tuple[tuple[int, int], ...]) -> tuple[dict, ...]:
    """Every rendition of the stored file ``name`` (WebP and JPEG per width): worked out
    once per photo and its sizes, then shared (never changed: it is only serialised)."""
    return tuple(
        {
            "width": w,
            "height": h,
            "webp": absolute(rendition_url(name, w, "webp")),
            "jpeg": absolute(rendition_url(name, w, "jpg")),
        }
        for w, h in sizes
    )


PHOTO_COLUMNS = ("file", "width", "height", "renditions", "alt_text", "caption", "credit")


def article_columns(fields: Iterable[str], includes: frozenset[str]) -> list[str]:
    columns = ["pk", "slug", "published_at", "updated_at"]
    simple = {"title": "title", "summary": "sapo", "kind": "kind", "body": "body"}
    simple |= {"warning_signs": "warning_signs", "warning_advice": "warning_advice"}
    for name in fields:
        if name in simple:
            columns.append(simple[name])
        elif name == "section":
            columns += ["section__slug", "section__name", "section__parent__slug"]
        elif name == "cover":
            full = "cover" in includes
            columns += [f"cover__{c}" for c in (PHOTO_COLUMNS if full else ("file",))]
    return columns


def article_rows(queryset, fields: tuple[str, ...], includes: frozenset[str]) -> list[dict]:
    """The articles of ``queryset`` (ordered, sliced, ``values()`` of ``article_columns``)
    as the API shows them."""
    rows = list(queryset)
    ids = [r["pk"] for r in rows]
    wanted = set(fields)
    linked = wanted & {"authors", "tags", "campaigns"}
    related = _related(ids, linked, includes) if ids and linked else {}
    gallery = _gallery(ids) if "photos" in wanted and ids else {}
    out = []
    for r in rows:
        pk = r["pk"]
        item = {}
        for name in fields:
            if name == "id":
                item["id"] = pk
            elif name == "slug":
                item["slug"] = r["slug"]
            elif name == "title":
                item["title"] = r["title"]
            elif name == "summary":
                item["summary"] = r["sapo"]
            elif name == "kind":
                item["kind"] = r["kind"]
            elif name == "url":
                item["url"] = page_url("public:article", r["slug"])
            elif name == "published_at":
                item["published_at"] = when(r["published_at"])
            elif name == "updated_at":
                item["updated_at"] = when(r["updated_at"])
            elif name == "section":
                slug = r["section__slug"]
                item["section"] = (
                    {
                        "slug": slug,
                        "name": r["section__name"],
                        "parent": r["section__parent__slug"],
                        "url": page_url("public:section", slug),
                    }
                    if "section" in includes
                    else slug
                )
            elif name in ("tags", "campaigns"):
                item[name] = related.get((name, pk), [])
            elif name == "authors":
                item["authors"] = related.get(("authors", pk), [])
            elif name == "cover":
                item["cover"] = photo(r, "cover__", full="cover" in includes)
            elif name == "body":
                item["body"] = str(render_body(r["body"]))
            elif name == "warning_signs":
                item[name] = _lines(r["warning_signs"])
            elif name == "warning_advice":
                item[name] = _lines(r["warning_advice"])
            elif name == "photos":
                item["photos"] = gallery.get(pk, [])
        out.append(item)
    return out


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def _related(ids: list[int], wanted: set[str], includes: frozenset[str]) -> dict:
    """The authors (in byline order), tags and campaigns of these articles, in one query:
    a UNION of the three links (compiled once per page size, ``api.statements``).
    Authors are public byline data only (name, unit, slug), never the staff account
    behind them."""
    links = tuple(name for name in ("authors", "tags", "campaigns") if name in wanted)
    found = defaultdict(list)
    page = {"tags": "public:tag", "campaigns": "public:campaign", "authors": "public:author"}
    linked = statements.rows(
        Byline, ("links", links), lambda v: _links(v["ids"], links), {"ids": ids}
    )
    for row in sorted(linked, key=itemgetter("link", "article_id", "position", "name")):
        name, slug = row["link"], row["slug"]
        if name == "authors":
            shown = (
                {"slug": slug, "name": row["name"], "unit": row["unit"]}
                if name in includes
                else slug
            )
        elif name == "tags" or name in includes:
            shown = {"slug": slug, "name": row["name"]}
        else:
            shown = slug
        if isinstance(shown, dict):
            shown["url"] = page_url(page[name], slug)
        found[(name, row["article_id"])].append(shown)
    return found


def _links(ids: list[int], links: tuple[str, ...]) -> models.QuerySet:
    """The rows of ``_related``: (link, article_id, position, slug, name, unit)."""
    text = models.CharField()
    parts = []
    for name in links:
        if name == "authors":
            part = Byline.objects.annotate(
                link=models.Value("authors", output_field=text),
                slug=models.F("author__slug"),
                name=models.F("author__name"),
                unit=models.F("author__unit"),
            )
        else:
            through = getattr(Article, name).through
            target = getattr(Article, name).field.m2m_reverse_field_name()
            part = through.objects.annotate(
                link=models.Value(name, output_field=text),
                position=models.Value(0, output_field=models.IntegerField()),
                slug=models.F(f"{target}__slug"),
                name=models.F(f"{target}__name"),
                unit=models.Value("", output_field=text),
            )
        parts.append(
            part.filter(article_id__in=ids)
            .order_by()
            .values("link", "article_id", "position", "slug", "name", "unit")
        )
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def _gallery(ids: list[int]) -> dict[int, list]:
    found = defaultdict(list)
    columns = [f"image__{c}" for c in PHOTO_COLUMNS]
    rows = (
        GalleryItem.objects.filter(article_id__in=ids)
        .order_by("article_id", "position", "pk")
        .values("article_id", "caption", *columns)
    )
    for row in rows:
        shown = photo(row, "image__", full=True)
        shown["caption"] = row["caption"] or shown["caption"]
        found[row["article_id"]].append(shown)
    return found
