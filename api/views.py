"""The public content API, ``/api/v1/`` (django-ninja: the OpenAPI 3.1 schema comes from
the type hints here and in ``api/schemas.py``).

Every read goes through the content type's rule — ``Article.objects.published()``,
``WantedNotice.objects.public()``, ``Question.objects.answered()``,
``Document.objects.published()`` — and nothing else. An item that was public and is no
longer (taken down, withdrawn) answers 410; one that never was, 404.

Answers are built as plain JSON (``api.listing``, ``api.rows``) and returned as they are:
the schema documents them, the speed comes from not validating every item again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from api import params, rows, schemas
from api.listing import Source, json_response, page
from api.params import Spec
from api.problems import CONTENT_TYPE, Problem, problem_response
from api.statements import Values
from articles.models import Article, Author, Campaign, GalleryItem, Section, Tag, Transition
from documents.models import Document, DocumentStep
from notices.models import NoticeStep, WantedNotice
from public.search import Query as SearchQuery
from public.search import search
from publishing.models import Status
from questions.models import Question, QuestionStep

logger = logging.getLogger(__name__)


class PublicAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs) -> dict:
        return problem_content_types(dict(super().get_openapi_schema(**kwargs)))


api = PublicAPI(
    title="API nội dung công khai",
    version="1",
    description=(
        "Tin bài, văn bản, thông báo truy nã, cảnh báo và hỏi đáp công khai, chỉ đọc. "
        "Hướng dẫn: /api/v1/docs."
    ),
    urls_namespace="api",
    docs_url=None,
)

ERRORS = {400: schemas.Problem, 404: schemas.Problem, 410: schemas.Problem, 429: schemas.Problem}

BY_PUBLICATION = {
    "-published": ("published_at", True),
    "published": ("published_at", False),
    "-updated": ("updated_at", True),
    "updated": ("updated_at", False),
}
# Parameters are read by ``api.params`` (one checker, one kind of message); the schema
# states their constraints for clients (``json_schema_extra``).
ORDER = Field(
    None,
    description="Thứ tự: mới xuất bản trước (mặc định), cũ trước, mới cập nhật trước, ...",
    json_schema_extra={"enum": list(BY_PUBLICATION), "default": "-published"},
)


# ── Errors: problem details ─────────────────────────────────────────────────


@api.exception_handler(Problem)
def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem_response(exc.status, exc.detail, request=request, **exc.extra)


@api.exception_handler(ValidationError)
def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    names = [str(e.get("loc", ["", "?"])[-1]) for e in exc.errors]
    detail = _("Invalid value for: %(names)s.") % {"names": ", ".join(dict.fromkeys(names))}
    return problem_response(400, detail, request=request)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(404, _("Nothing is published at this address."), request=request)


@api.exception_handler(Exception)
def on_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path)
    return problem_response(500, _("Something went wrong on our side."), request=request)


# ── Parameters, as the schema shows them ────────────────────────────────────


class Shape(Schema):
    fields: str | None = Field(
        None, description="Chỉ lấy các trường này (`title,url`); `-body` để bỏ một trường."
    )


class Expand(Shape):
    include: str | None = Field(
        None, description="Kèm đối tượng liên quan: `authors,section,campaigns,cover`."
    )


class Paging(Schema):
    limit: int | None = Field(
        None,
        description="Số mục mỗi trang, 1–100 (mặc định 20); lớn hơn 100 là lỗi 400.",
        json_schema_extra={"minimum": 1, "maximum": params.MAX_LIMIT},
    )
    cursor: str | None = Field(None, description='Lấy từ `next` hoặc `Link: rel="next"`.')
    total: str | None = Field(
        None,
        description="`true` (hoặc `1`, `yes`): thêm tổng số mục (tốn thêm một truy vấn).",
    )


class ArticleParams(Expand, Paging):
    order: str | None = ORDER
    section: str | None = None
    tag: str | None = None
    campaign: str | None = None
    author: str | None = None
    published_before: str | None = None
    published_after: str | None = None
    updated_since: str | None = None
    q: str | None = None


class DatedParams(Shape, Paging):
    order: str | None = ORDER
    published_before: str | None = None
    published_after: str | None = None
    updated_since: str | None = None
    q: str | None = None


class NamedParams(Shape, Paging):
    pass


class SearchParams(Expand, Paging):
    q: str = Field(..., min_length=1)


class RemovedParams(Paging):
    since: str = Field(..., description="ISO 8601: những mục bị gỡ từ thời điểm này.")


ARTICLE_FILTERS = (
    "section", "tag", "campaign", "author", "published_before", "published_after",
    "updated_since", "q",
)  # fmt: skip
DATED_FILTERS = ("published_before", "published_after", "updated_since", "q")
ARTICLES = Spec(
    fields=rows.ARTICLE_FIELDS,
    includes=rows.ARTICLE_INCLUDES,
    filters=ARTICLE_FILTERS,
    orders=BY_PUBLICATION,
    default_order="-published",
)
ARTICLE = Spec(fields=rows.ARTICLE_DETAIL_FIELDS, includes=rows.ARTICLE_INCLUDES, paged=False)
PHOTO_STORY = Spec(fields=rows.PHOTO_STORY_FIELDS, includes=rows.ARTICLE_INCLUDES, paged=False)


# Each filter as the ORM reads it (``section`` also takes its child sections: below).
DATED = {
    "published_before": "published_at__lt",
    "published_after": "published_at__gt",
    "updated_since": "updated_at__gte",
}
BY_SLUG = {"tag": "tags__slug", "campaign": "campaigns__slug", "author": "authors__slug"}


def moments(filters: dict[str, str]) -> dict[str, dt.datetime]:
    return {name: params.moment(name, filters[name]) for name in DATED if name in filters}


def dated(queryset: models.QuerySet, filters: dict[str, str]) -> models.QuerySet:
    return queryset.filter(**{DATED[name]: at for name, at in moments(filters).items()})


# ── Articles, crime warnings, photo stories ─────────────────────────────────


def article_list(request: HttpRequest, name: str, base: Callable[[dt.datetime], Any]):
    """A list of articles: ``base(now)`` is what the endpoint shows at ``now``."""
    parsed = params.parse(request, ARTICLES)
    f = parsed.filters
    values = {"now": timezone.now(), **moments(f)}
    values |= {slug: f[slug] for slug in ("section", *BY_SLUG) if slug in f}
    if "q" in f:  # the search's ranked ids: a list of any length, so never a kept shape
        found = search(SearchQuery.parse(f["q"]), base(values["now"]))
        values["ids"] = found.ranked_ids() if hasattr(found, "ranked_ids") else []
    lookups = {**DATED, **BY_SLUG, "ids": "pk__in"}

    def build(v: Values) -> models.QuerySet:
        queryset = base(v["now"]).filter(**{lookups[n]: v[n] for n in lookups if n in v})
        if "section" in v:
            queryset = queryset.filter(
                models.Q(section__slug=v["section"]) | models.Q(section__parent__slug=v["section"])
            )
        return queryset

    key = None if "q" in f else (name, *sorted(f))
    return page(
        request,
        Source(Article, build, values, key),
        parsed,
        ARTICLES,
        lambda found: rows.article_rows(found, parsed.fields, parsed.includes),
        rows.article_columns(parsed.fields, parsed.includes),
    )


def article_one(request: HttpRequest, base, spec: Spec = ARTICLE, **lookup) -> HttpResponse:
    parsed = params.parse(request, spec)
    columns = rows.article_columns(parsed.fields, parsed.includes)
    found = list(base.filter(**lookup).values(*columns)[:1])
    if not found:
        if Article.objects.filter(status=Status.UNPUBLISHED, **lookup).exists():
            raise Problem(410, _("This article has been taken down."))
        raise Http404
    return json_response(rows.article_rows(found, parsed.fields, parsed.includes)[0])


def with_photos(queryset):
    return queryset.filter(models.Exists(GalleryItem.objects.filter(article=models.OuterRef("pk"))))


@api.get("/articles", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def articles(request: HttpRequest, filters: Query[ArticleParams]):
    """Tin bài đã xuất bản, mới nhất trước."""
    return article_list(request, "articles", lambda now: Article.objects.published(at=now))


@api.get("/articles/{int:id}", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"])
def article_by_id(request: HttpRequest, id: int, shape: Query[Expand]):
    """Một tin bài theo mã số."""
    return article_one(request, Article.objects.published(), pk=id)


@api.get(
    "/articles/by-slug/{slug}", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"]
)
def article_by_slug(request: HttpRequest, slug: str, shape: Query[Expand]):
    """Một tin bài theo đường dẫn (slug) của nó trên Cổng."""
    return article_one(request, Article.objects.published(), slug=slug)


@api.get("/warnings", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def warnings(request: HttpRequest, filters: Query[ArticleParams]):
    """Cảnh báo tội phạm (một loại tin bài, có dấu hiệu nhận biết và cách phòng tránh)."""
    return article_list(
        request, "warnings", lambda now: Article.objects.published(at=now).warnings()
    )


@api.get("/photo-stories", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def photo_stories(request: HttpRequest, filters: Query[ArticleParams]):
    """Phóng sự ảnh: tin bài có bộ ảnh (ảnh ở chi tiết, trường `photos`)."""
    return article_list(
        request, "photo-stories", lambda now: with_photos(Article.objects.published(at=now))
    )


@api.get(
    "/photo-stories/{int:id}", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"]
)
def photo_story(request: HttpRequest, id: int, shape: Query[Expand]):
    """Một phóng sự ảnh, với các ảnh theo thứ tự."""
    return article_one(request, with_photos(Article.objects.published()), PHOTO_STORY, pk=id)


# ── Search ──────────────────────────────────────────────────────────────────

SEARCH = Spec(fields=rows.ARTICLE_FIELDS, includes=rows.ARTICLE_INCLUDES, filters=("q",))


@api.get("/search", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def search_articles(request: HttpRequest, filters: Query[SearchParams]):
    """Tìm kiếm như ô tìm kiếm của Cổng: không phân biệt dấu, hoa thường; phù hợp nhất trước."""
    parsed = params.parse(request, SEARCH)
    found = search(SearchQuery.parse(parsed.filters.get("q", "")), Article.objects.published())
    ids = found.ranked_ids() if hasattr(found, "ranked_ids") else []
    start = parsed.cursor[1] if parsed.cursor else 0
    chosen = ids[start : start + parsed.limit]
    columns = rows.article_columns(parsed.fields, parsed.includes)
    by_id = {r["pk"]: r for r in Article.objects.published().filter(pk__in=chosen).values(*columns)}
    ordered = [by_id[pk] for pk in chosen if pk in by_id]
    body = {"items": rows.article_rows(ordered, parsed.fields, parsed.includes)}
    if parsed.total:
        body["total"] = len(ids)
    nxt = None
    if start + parsed.limit < len(ids):
        query = {**request.GET.dict(), "cursor": params.encode_cursor(None, start + parsed.limit)}
        nxt = request.build_absolute_uri(request.path) + "?" + urlencode(query)
    body["next"] = nxt
    response = json_response(body)
    if nxt:
        response["Link"] = f'<{nxt}>; rel="next"'
    return response


# ── Sections, tags, authors, campaigns ──────────────────────────────────────

SECTIONS = Spec(fields=("id", "slug", "name", "description", "parent", "url"), paged=False)


@api.get("/sections", response={200: schemas.SectionList, **ERRORS}, tags=["taxonomy"])
def sections(request: HttpRequest, shape: Query[Shape]):
    """Các chuyên mục, theo thứ tự trên trình đơn."""
    parsed = params.parse(request, SECTIONS)
    found = Section.objects.values("pk", "slug", "name", "description", "parent__slug")
    items = [
        pick(
            {
                "id": r["pk"],
                "slug": r["slug"],
                "name": r["name"],
                "description": r["description"],
                "parent": r["parent__slug"],
                "url": rows.page_url("public:section", r["slug"]),
            },
            parsed.fields,
        )
        for r in found
    ]
    return json_response({"items": items})


def pick(item: dict, fields: tuple[str, ...]) -> dict:
    return {name: item[name] for name in fields}


BY_ID = {"id": ("", False)}


def named_list(request, queryset, spec: Spec, page_name: str, extra=()) -> HttpResponse:
    parsed = params.parse(request, spec)
    columns = ["pk", "slug", "name", *extra]

    def read(found):
        return [
            pick(
                {
                    "id": r["pk"],
                    "slug": r["slug"],
                    "name": r["name"],
                    "url": rows.page_url(page_name, r["slug"]),
                    **{name: r[name] for name in extra},
                },
                parsed.fields,
            )
            for r in found
        ]

    return page(request, queryset, parsed, spec, read, columns)


TAGS = Spec(fields=("id", "slug", "name", "url"), orders=BY_ID, default_order="id")
AUTHORS = Spec(fields=("id", "slug", "name", "unit", "url"), orders=BY_ID, default_order="id")


@api.get("/tags", response={200: schemas.NamedPage, **ERRORS}, tags=["taxonomy"])
def tags(request: HttpRequest, shape: Query[NamedParams]):
    """Các thẻ."""
    return named_list(request, Tag.objects.all(), TAGS, "public:tag")


@api.get("/authors", response={200: schemas.AuthorPage, **ERRORS}, tags=["taxonomy"])
def authors(request: HttpRequest, shape: Query[NamedParams]):
    """Tác giả, chỉ thông tin in trên bài: tên, đơn vị, đường dẫn (không tài khoản, không
    thư điện tử)."""
    return named_list(request, Author.objects.all(), AUTHORS, "public:author", extra=("unit",))


CAMPAIGNS = Spec(
    fields=(
        "id", "slug", "name", "slogan", "description", "starts_on", "ends_on", "url", "cover"
    ),
    includes=("cover",),
    paged=False,
)  # fmt: skip


@api.get("/campaigns", response={200: schemas.CampaignList, **ERRORS}, tags=["taxonomy"])
def campaigns(request: HttpRequest, shape: Query[Expand]):
    """Các phong trào, chiến dịch, mới nhất trước."""
    parsed = params.parse(request, CAMPAIGNS)
    full = "cover" in parsed.includes
    photo_columns = [f"cover__{c}" for c in rows.PHOTO_COLUMNS]
    found = Campaign.objects.values(
        "pk", "slug", "name", "slogan", "description", "starts_on", "ends_on", *photo_columns
    )
    items = [
        pick(
            {
                "id": r["pk"],
                "slug": r["slug"],
                "name": r["name"],
                "slogan": r["slogan"],
                "description": r["description"],
                "starts_on": rows.when(r["starts_on"]),
                "ends_on": rows.when(r["ends_on"]),
                "url": rows.page_url("public:campaign", r["slug"]),
                "cover": rows.photo(r, "cover__", full=full),
            },
            parsed.fields,
        )
        for r in found
    ]
    return json_response({"items": items})


# ── Legal documents ─────────────────────────────────────────────────────────

DOCUMENT_FIELDS = (
    "id", "slug", "number", "summary", "type", "issuer", "field", "issued_on",
    "effective_from", "expires_on", "url", "published_at", "updated_at",
)  # fmt: skip
DOCUMENTS = Spec(
    fields=DOCUMENT_FIELDS, filters=DATED_FILTERS, orders=BY_PUBLICATION, default_order="-published"
)
DOCUMENT_COLUMNS = [
    "pk", "slug", "number", "summary", "doc_type__name", "issuer__name", "field__name",
    "issued_on", "effective_from", "expires_on", "published_at", "updated_at",
]  # fmt: skip


def document_rows(found, fields) -> list[dict]:
    return [
        pick(
            {
                "id": r["pk"],
                "slug": r["slug"],
                "number": r["number"],
                "summary": r["summary"],
                "type": r["doc_type__name"],
                "issuer": r["issuer__name"],
                "field": r["field__name"],
                "issued_on": rows.when(r["issued_on"]),
                "effective_from": rows.when(r["effective_from"]),
                "expires_on": rows.when(r["expires_on"]),
                "url": rows.page_url("public:document", r["slug"]),
                "published_at": rows.when(r["published_at"]),
                "updated_at": rows.when(r["updated_at"]),
            },
            fields,
        )
        for r in found
    ]


@api.get("/documents", response={200: schemas.DocumentPage, **ERRORS}, tags=["documents"])
def documents(request: HttpRequest, filters: Query[DatedParams]):
    """Văn bản pháp luật đã đăng."""
    parsed = params.parse(request, DOCUMENTS)
    queryset = dated(Document.objects.published(), parsed.filters)
    if "q" in parsed.filters:
        for term in SearchQuery.parse(parsed.filters["q"]).terms:
            queryset = queryset.filter(search_text__contains=f" {term} ")
    return page(
        request,
        queryset,
        parsed,
        DOCUMENTS,
        lambda found: document_rows(found, parsed.fields),
        DOCUMENT_COLUMNS,
    )


@api.get("/documents/{slug}", response={200: schemas.Document, **ERRORS}, tags=["documents"])
def document(request: HttpRequest, slug: str, shape: Query[Shape]):
    """Một văn bản."""
    parsed = params.parse(request, Spec(fields=DOCUMENT_FIELDS, paged=False))
    found = list(Document.objects.published().filter(slug=slug).values(*DOCUMENT_COLUMNS)[:1])
    if not found:
        if Document.objects.filter(slug=slug, status=Status.UNPUBLISHED).exists():
            raise Problem(410, _("This document has been taken down."))
        raise Http404
    return json_response(document_rows(found, parsed.fields)[0])


# ── Wanted notices ──────────────────────────────────────────────────────────

NOTICE_FIELDS = (
    "id", "slug", "decision_number", "decision_date", "issuing_agency", "full_name",
    "other_names", "sex", "birth_year", "residence", "features", "offence", "offence_detail",
    "contact_agency", "contact_address", "contact_phone", "url", "published_at", "updated_at",
)  # fmt: skip
NOTICES = Spec(
    fields=NOTICE_FIELDS, filters=DATED_FILTERS, orders=BY_PUBLICATION, default_order="-published"
)
NOTICE_COLUMNS = [
    "pk",
    *(n for n in NOTICE_FIELDS if n not in ("id", "url", "offence")),
    "offence__name",
]


def notice_rows(found, fields) -> list[dict]:
    out = []
    for r in found:
        item = {name: r.get(name) for name in NOTICE_FIELDS}
        item.update(
            id=r["pk"],
            offence=r["offence__name"],
            decision_date=rows.when(r["decision_date"]),
            published_at=rows.when(r["published_at"]),
            updated_at=rows.when(r["updated_at"]),
            url=rows.page_url("public:notice", r["slug"]),
        )
        out.append(pick(item, fields))
    return out


@api.get("/notices", response={200: schemas.NoticePage, **ERRORS}, tags=["notices"])
def notices(request: HttpRequest, filters: Query[DatedParams]):
    """Thông báo truy nã còn hiệu lực (đã đình nã thì không còn ở đây)."""
    parsed = params.parse(request, NOTICES)
    queryset = dated(WantedNotice.objects.public(), parsed.filters)
    if "q" in parsed.filters:
        for term in SearchQuery.parse(parsed.filters["q"]).terms:
            queryset = queryset.filter(search_text__contains=f" {term} ")
    return page(
        request,
        queryset,
        parsed,
        NOTICES,
        lambda found: notice_rows(found, parsed.fields),
        NOTICE_COLUMNS,
    )


@api.get("/notices/{slug}", response={200: schemas.Notice, **ERRORS}, tags=["notices"])
def notice(request: HttpRequest, slug: str, shape: Query[Shape]):
    """Một thông báo truy nã; đã đình nã hoặc gỡ: 410."""
    parsed = params.parse(request, Spec(fields=NOTICE_FIELDS, paged=False))
    found = list(WantedNotice.objects.public().filter(slug=slug).values(*NOTICE_COLUMNS)[:1])
    if not found:
        if WantedNotice.objects.filter(slug=slug, status=Status.UNPUBLISHED).exists():
            raise Problem(410, _("This wanted notice has been withdrawn or taken down."))
        raise Http404
    return json_response(notice_rows(found, parsed.fields)[0])


# ── Answered questions ──────────────────────────────────────────────────────

QUESTION_FIELDS = (
    "id", "slug", "title", "topic", "asker", "question", "answer", "answer_unit", "url",
    "published_at", "updated_at",
)  # fmt: skip
QUESTIONS = Spec(
    fields=QUESTION_FIELDS, filters=DATED_FILTERS, orders=BY_PUBLICATION, default_order="-published"
)
QUESTION_COLUMNS = [
    "pk", "slug", "title", "topic__name", "public_name", "public_question", "answer",
    "answer_unit", "published_at", "updated_at",
]  # fmt: skip


def question_rows(found, fields) -> list[dict]:
    return [
        pick(
            {
                "id": r["pk"],
                "slug": r["slug"],
                "title": r["title"],
                "topic": r["topic__name"],
                "asker": r["public_name"],
                "question": r["public_question"],
                "answer": r["answer"],
                "answer_unit": r["answer_unit"],
                "url": rows.page_url("public:question", r["slug"]),
                "published_at": rows.when(r["published_at"]),
                "updated_at": rows.when(r["updated_at"]),
            },
            fields,
        )
        for r in found
    ]


@api.get("/questions", response={200: schemas.QuestionPage, **ERRORS}, tags=["questions"])
def questions(request: HttpRequest, filters: Query[DatedParams]):
    """Câu hỏi đã được trả lời và đăng (không bao giờ có liên lạc của người hỏi)."""
    parsed = params.parse(request, QUESTIONS)
    queryset = dated(Question.objects.answered(), parsed.filters)
    if "q" in parsed.filters:
        queryset = queryset.matching(SearchQuery.parse(parsed.filters["q"]).terms)
    return page(
        request,
        queryset,
        parsed,
        QUESTIONS,
        lambda found: question_rows(found, parsed.fields),
        QUESTION_COLUMNS,
    )


@api.get("/questions/{slug}", response={200: schemas.Question, **ERRORS}, tags=["questions"])
def question(request: HttpRequest, slug: str, shape: Query[Shape]):
    """Một câu hỏi và câu trả lời."""
    parsed = params.parse(request, Spec(fields=QUESTION_FIELDS, paged=False))
    found = list(Question.objects.answered().filter(slug=slug).values(*QUESTION_COLUMNS)[:1])
    if not found:
        if Question.objects.filter(slug=slug, status=Status.UNPUBLISHED).exists():
            raise Problem(410, _("This question has been taken down."))
        raise Http404
    return json_response(question_rows(found, parsed.fields)[0])


# ── What mirrors must delete ────────────────────────────────────────────────

REMOVED = Spec(fields=(), filters=("since",))
KINDS = (
    ("article", Transition, "article", Article.objects.published(), "public:article"),
    ("notice", NoticeStep, "notice", WantedNotice.objects.public(), "public:notice"),
    ("document", DocumentStep, "document", Document.objects.published(), "public:document"),
    ("question", QuestionStep, "question", Question.objects.answered(), "public:question"),
)


@api.get("/removed", response={200: schemas.RemovalPage, **ERRORS}, tags=["mirrors"])
def removed(request: HttpRequest, filters: Query[RemovedParams]):
    """Những mục đã công khai rồi bị gỡ, đình nã hoặc lưu trữ từ `since`: để nơi sao chép
    xoá chúng. Thứ tự: cũ trước."""
    parsed = params.parse(request, REMOVED)
    if "since" not in parsed.filters:
        raise Problem(400, _("“since” is required."), valid=["since"])
    since = params.moment("since", parsed.filters["since"])
    after = parsed.cursor
    found = []
    for position, (kind, step, link, public, page_name) in enumerate(KINDS):
        steps = step.objects.filter(from_status=Status.PUBLISHED, at__gte=since).exclude(
            **{f"{link}_id__in": public.values("pk")}
        )
        if after is not None:
            steps = steps.filter(at__gte=after[0])
        for pk, at, item_id, slug, to_status in steps.order_by("at", "pk").values_list(
            "pk", "at", f"{link}_id", f"{link}__slug", "to_status"
        )[: parsed.limit + 1]:
            key = (at, position, pk)
            if after is not None and key <= (after[0], after[1] // 10**12, after[1] % 10**12):
                continue
            reason = "withdrawn" if kind == "notice" and to_status == Status.UNPUBLISHED else None
            found.append((key, kind, item_id, slug, reason or to_status, page_name))
    found.sort(key=lambda entry: entry[0])
    chosen = found[: parsed.limit]
    items = [
        {
            "type": kind,
            "id": item_id,
            "slug": slug,
            "url": rows.page_url(page_name, slug),
            "removed_at": rows.when(key[0]),
            "reason": reason,
        }
        for key, kind, item_id, slug, reason, page_name in chosen
    ]
    body = {"items": items, "next": None}
    if len(found) > parsed.limit:
        at, position, pk = chosen[-1][0]
        cursor = params.encode_cursor(at, position * 10**12 + pk)
        query = {**request.GET.dict(), "cursor": cursor}
        body["next"] = request.build_absolute_uri(request.path) + "?" + urlencode(query)
    response = json_response(body)
    if body["next"]:
        response["Link"] = f'<{body["next"]}>; rel="next"'
    return response


def problem_content_types(schema: dict) -> dict:
    """Errors are ``application/problem+json`` in the schema as on the wire."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content")
                if int(status) >= 400 and content and "application/json" in content:
                    answer["content"] = {CONTENT_TYPE: content["application/json"]}
    return schema
