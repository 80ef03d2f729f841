"""Cache tags: what a public response shows, named so that a change can find it again.

A response carries the tags of everything it shows (``article-12``, ``section-3``,
``photo-40``…) and of the lists it shows (``home``, ``list-section-3``, ``feeds``…). The
proxy or CDN in front keeps them with the page (``Cache-Tag``, ``Surrogate-Key``,
``xkey``: ``CACHE_TAG_HEADERS``), the page cache and the page parts keep them too
(``public/pagecache.py``), and a change purges exactly its tags (``tags_for_change``).

Collected in one place while the page is built, never listed per template:

- every instance of a shown model created while a page is built (a queryset's rows, the
  ``select_related`` ones) adds its own tag (a ``post_init`` receiver, ``connect()``);
- a view adds the tags of the lists it shows (``add("home")``, ``list_tag(section)``);
- cached parts and pages give back the tags they were made with.

An object's own tag finds every page that shows it (a correction, a take-down, a
withdrawal); a list's tag finds the pages where a *new* item would appear (a publish).
The side columns of an article page (latest, most read, related) carry their articles'
own tags, not the lists': a publish does not empty every article page, they catch up
within ``PAGE_CACHE_SECONDS`` / the proxy's time (as on WordPress VIP).

The API tags its responses with one call: ``tag_response(response, objects, "list-…")``.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import models
from django.db.models.signals import post_init
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse

from articles.models import (
    Article,
    Author,
    Byline,
    Campaign,
    GalleryItem,
    Method,
    Section,
    Tag,
)
from documents.models import (
    Attachment,
    Document,
    DocumentLink,
    DocumentType,
    Field,
    Issuer,
)
from english.models import EnglishPage
from notices.models import NoticePhoto, Offence, WantedNotice, Withdrawal
from organisation.models import Leader, Page, Unit
from photos.models import Image
from public.models import PortalIdentity
from questions.models import Question, Topic
from reporting.models import Channel

# Tags of every page (the header and footer: the menu, the portal's identity, the contacts).
SITE = "site"
HOME = "home"
FEEDS = "feeds"
SITEMAPS = "sitemaps"
SEARCH = "search"
# Every answer of the public API (api/): retired by any change, the API being small and
# cheap to make again (its lists mix every kind and its includes follow every link).
API = "api"
# Not found, gone, moved: an address that may show something after any change.
MISSING = "missing"
# What a response with too many tags keeps for each kind it could not list one by one.
FALLBACK_SUFFIX = "-all"

_collector: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "cache_tags", default=None
)


# The models pages show, by the name their tags begin with.
KINDS: dict[type[models.Model], str] = {
    Article: "article",
    Section: "section",
    Tag: "tag",
    Author: "author",
    Campaign: "campaign",
    Method: "method",
    Image: "photo",
    WantedNotice: "notice",
    Offence: "offence",
    Question: "question",
    Topic: "topic",
    Document: "document",
    DocumentType: "doctype",
    Issuer: "issuer",
    Field: "field",
    Unit: "unit",
    Leader: "leader",
    Page: "page",
    EnglishPage: "english",
}


def kind_of(model: type[models.Model]) -> str | None:
    return KINDS.get(model)


def tag_of(obj: models.Model) -> str | None:
    """``article-12``: the tag of one object (None for a model pages do not show)."""
    kind = kind_of(type(obj))
    if kind is None or obj.pk is None:
        return None
    return f"{kind}-{obj.pk}"


def list_tag(obj_or_kind: models.Model | str, pk: int | None = None) -> str:
    """``list-section-3``: the pages listing what belongs to an object (a section's
    articles, a tag's, an author's…); ``list_tag("notice")`` the list of a whole kind."""
    if isinstance(obj_or_kind, str):
        return f"list-{obj_or_kind}" if pk is None else f"list-{obj_or_kind}-{pk}"
    return f"list-{kind_of(type(obj_or_kind))}-{obj_or_kind.pk}"


# --- collecting ------------------------------------------------------------------------


def add(*tags: str | None) -> None:
    """Add tags to the response being built (nothing outside one)."""
    found = _collector.get()
    if found is not None:
        found.update(t for t in tags if t)


def add_objects(objects: Iterable[models.Model]) -> None:
    add(*(tag_of(obj) for obj in objects))


@contextlib.contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect the tags of what is built inside; they are the outer collector's too."""
    found: set[str] = set()
    token = _collector.set(found)
    try:
        yield found
    finally:
        _collector.reset(token)
        add(*found)


@contextlib.contextmanager
def site_wide() -> Iterator[None]:
    """What is read inside is on every page (the menu, the identity): tagged ``site``
    alone, not by each section it lists (or a section's change would empty every page)."""
    add(SITE)
    token = _collector.set(None)
    try:
        yield
    finally:
        _collector.reset(token)


# The lists each kind of page shows, by its address's name: what a new item joins.
_ARTICLES = "list-article"
_PAGE_LISTS = {
    "public:home": (
        HOME,
        _ARTICLES,
        "list-warning",
        "list-notice",
        "list-question",
        "list-document",
    ),
    "public:search": (SEARCH,),
    "public:feed": (FEEDS, _ARTICLES),
    "public:section-feed": (FEEDS,),
    "public:campaign-feed": (FEEDS,),
    "public:warnings-feed": (FEEDS, "list-warning"),
    "public:notices-feed": (FEEDS, "list-notice"),
    "public:documents-feed": (FEEDS, "list-document"),
    "public:warnings": ("list-warning",),
    "public:warning-method": ("list-warning",),
    "public:notices": ("list-notice",),
    "public:notice-lookup": ("list-notice",),
    "public:notice-withdrawals": ("list-notice",),
    "public:questions": ("list-question",),
    "public:documents": ("list-document",),
    "public:reporting": ("list-reporting",),
    "sitemap": (SITEMAPS,),
    "sitemap-section": (SITEMAPS,),
    "news-sitemap": (SITEMAPS,),
}
_LIST_BY_APP = {"en": "list-english"}
_ORGANISATION = {"about", "structure", "leaders", "units", "unit", "about-page", "contact"}


def for_address(request) -> tuple[str, ...]:
    """The list tags of the page at this address (its view adds the tag of the object it
    lists: ``list_tag(section)``)."""
    if request.path_info.startswith("/api/") or request.path_info.endswith("/feed.json"):
        return (API,)
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ()
    if match.app_name in _LIST_BY_APP:
        return (_LIST_BY_APP[match.app_name], "list-organisation", _ARTICLES)
    if match.url_name in _ORGANISATION:
        return ("list-organisation",)
    return _PAGE_LISTS.get(match.view_name, ())


def _instance_created(sender, instance, **kwargs) -> None:
    found = _collector.get()
    if found is not None and instance.pk is not None:
        found.add(f"{KINDS[sender]}-{instance.pk}")


def connect() -> None:
    """Every shown model's instances tag the response being built (AppConfig.ready)."""
    for model in KINDS:
        post_init.connect(_instance_created, sender=model, dispatch_uid=f"cachetag-{model}")


# --- on the response -----------------------------------------------------------------


def limited(tags: Iterable[str], limit: int | None = None) -> list[str]:
    """At most ``CACHE_TAG_LIMIT`` (50) tags: the lists' tags first, then objects' in a
    stable order; the kinds that did not fit are named by their fallback (``article-all``,
    purged with any article), so nothing shown is left untagged."""
    limit = limit or settings.CACHE_TAG_LIMIT
    tags = set(tags)
    if len(tags) <= limit:
        return sorted(tags)

    def numbered(tag: str) -> bool:
        return tag.rsplit("-", 1)[-1].isdigit()

    objects = sorted(
        (t for t in tags if numbered(t)),
        key=lambda t: (t.rsplit("-", 1)[0], int(t.rsplit("-", 1)[1])),
    )
    # Each kind's fallback is kept whatever else is dropped: it stands for all of them.
    fallbacks = {t.rsplit("-", 1)[0] + FALLBACK_SUFFIX for t in objects}
    general = sorted(t for t in tags if not numbered(t) and t not in fallbacks)
    kept = set(fallbacks) | set(general[: max(0, limit - len(fallbacks))])
    for tag in objects:  # then as many objects by name as fit
        if len(kept) >= limit:
            break
        kept.add(tag)
    # A kind listed whole needs no fallback.
    for fallback in fallbacks:
        kind = fallback.removesuffix(FALLBACK_SUFFIX)
        if all(t in kept for t in objects if t.rsplit("-", 1)[0] == kind):
            kept.discard(fallback)
    return sorted(kept)


def header_value(name: str, tags: list[str]) -> str:
    # Cloudflare's Cache-Tag is comma-separated; Fastly's Surrogate-Key and xkey use spaces.
    return ",".join(tags) if name.lower() == "cache-tag" else " ".join(tags)


def set_headers(response: HttpResponse, tags: Iterable[str]) -> HttpResponse:
    """The tag headers named by ``CACHE_TAG_HEADERS``; the first setting's prefix
    (``CACHE_TAG_PREFIX``) keeps two sites apart on one CDN account."""
    prefix = settings.CACHE_TAG_PREFIX
    kept = [prefix + t for t in limited(tags)]
    if not kept:
        return response
    for name in settings.CACHE_TAG_HEADERS:
        response[name] = header_value(name, kept)
    return response


def tag_response(
    response: HttpResponse, objects: Iterable[models.Model] = (), *tags: str
) -> HttpResponse:
    """One call for a view that builds its own response (the API): the tags of
    ``objects`` and of the lists named, added to what was collected, on the response."""
    add_objects(objects)
    add(*tags)
    found = _collector.get()
    return set_headers(response, {*(found or ()), *tags, *filter(None, map(tag_of, objects))})


# --- what a change touches -------------------------------------------------------------


def tags_for_change(instance: models.Model) -> set[str]:
    """The tags a saved or deleted object touches: its own (the pages showing it), the
    lists it appears in (where it is new), the feeds and home page for published kinds."""
    tags: set[str] = {MISSING, API}
    own = tag_of(instance)
    if own:
        tags |= {own, own.rsplit("-", 1)[0] + FALLBACK_SUFFIX}
    if isinstance(instance, Article):
        tags |= article_lists(instance)
    elif isinstance(instance, Byline | GalleryItem):
        tags |= {f"article-{instance.article_id}", "article" + FALLBACK_SUFFIX}
        if isinstance(instance, Byline):
            tags.add(list_tag("author", instance.author_id))
    elif isinstance(instance, Section | Campaign | Method):
        tags |= {SITE, HOME, list_tag(instance)}
    elif isinstance(instance, WantedNotice | NoticePhoto | Withdrawal):
        pk = instance.pk if isinstance(instance, WantedNotice) else instance.notice_id
        tags |= {f"notice-{pk}", "notice" + FALLBACK_SUFFIX, list_tag("notice"), HOME, FEEDS}
        tags |= {SITEMAPS, SEARCH}
    elif isinstance(instance, Question | Topic):
        tags |= {list_tag("question"), HOME, SITEMAPS, SEARCH}
    elif isinstance(instance, Document | Attachment | DocumentLink):
        pk = instance.pk if isinstance(instance, Document) else _document_id(instance)
        tags |= {f"document-{pk}", "document" + FALLBACK_SUFFIX, list_tag("document"), HOME}
        tags |= {FEEDS, SITEMAPS, SEARCH}
    elif isinstance(instance, Unit | Leader | Page):
        tags |= {list_tag("organisation"), SITEMAPS}
    elif isinstance(instance, EnglishPage):
        tags |= {list_tag("english"), SITEMAPS}
    elif isinstance(instance, PortalIdentity | Channel):
        tags |= {SITE, list_tag("reporting")}
    return tags


def _document_id(instance) -> int | None:
    return getattr(instance, "document_id", None) or getattr(instance, "source_id", None)


def article_lists(article) -> set[str]:
    """Where a published article appears besides its own page: its section (and the
    section above), its tags, campaigns, authors, methods; home, feeds, sitemaps, search,
    the crime warnings for a warning."""
    tags = {HOME, FEEDS, SITEMAPS, SEARCH, list_tag("article")}
    if article.section_id:
        tags.add(list_tag("section", article.section_id))
        parent = getattr(article.section, "parent_id", None)
        if parent:
            tags.add(list_tag("section", parent))
    if article.pk:
        through = type(article)
        tags |= {list_tag("tag", pk) for pk in _ids(through.tags.through, article, "tag_id")}
        tags |= {
            list_tag("campaign", pk)
            for pk in _ids(through.campaigns.through, article, "campaign_id")
        }
        tags |= {
            list_tag("method", pk) for pk in _ids(through.methods.through, article, "method_id")
        }
        tags |= {list_tag("author", pk) for pk in _ids(article.bylines.model, article, "author_id")}
    if getattr(article, "kind", "") == "warning" or any("method" in t for t in tags):
        tags.add(list_tag("warning"))
    return tags


def _ids(model, article, field: str) -> list[int]:
    return list(model.objects.filter(article_id=article.pk).values_list(field, flat=True))


def addresses(tags) -> list[str]:
    """The addresses (paths) ``tags`` stand for, for a purger by address (nginx,
    CloudFront): each object's own page and the list pages named."""
    fixed = {
        HOME: ["/"],
        FEEDS: [
            "public:feed",
            "public:warnings-feed",
            "public:notices-feed",
            "public:documents-feed",
        ],
        SITEMAPS: ["sitemap", "news-sitemap"],
        "list-warning": ["public:warnings"],
        "list-notice": ["public:notices", "public:notice-withdrawals"],
        "list-question": ["public:questions"],
        "list-document": ["public:documents"],
        "list-organisation": ["public:about", "public:structure", "public:leaders", "public:units"],
        "list-reporting": ["public:reporting"],
    }
    models_ = {
        "article": Article, "notice": WantedNotice, "question": Question, "document": Document,
        "section": Section, "tag": Tag, "author": Author, "campaign": Campaign, "method": Method,
    }  # fmt: skip
    found: list[str] = []
    wanted: dict[type, set[int]] = {}
    for tag in tags:
        for name in fixed.get(tag, []):
            try:
                found.append(name if name.startswith("/") else reverse(name))
            except NoReverseMatch:
                continue
        kind, _, pk = tag.removeprefix("list-").rpartition("-")
        if pk.isdigit() and kind in models_:
            wanted.setdefault(models_[kind], set()).add(int(pk))
    for model, pks in wanted.items():
        for obj in model.objects.filter(pk__in=pks):
            found.append(obj.get_absolute_url())
            if model in (Section, Campaign):
                found.append(obj.get_absolute_url() + "rss/")
    return sorted(set(found))
