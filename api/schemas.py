"""What the API answers, as types: django-ninja turns them into the OpenAPI 3.1 schema.

Every field of an item may be left out with ``fields=``, so none is required; a related
object is its slug until ``include=`` asks for it whole.
"""

from __future__ import annotations

from ninja import Schema


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    valid: list[str] | str | None = None


class Rendition(Schema):
    width: int
    height: int
    webp: str
    jpeg: str


class Photo(Schema):
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""
    caption: str = ""
    credit: str = ""
    renditions: list[Rendition] = []


class Link(Schema):
    slug: str
    name: str
    url: str | None = None


class SectionRef(Link):
    parent: str | None = None


class AuthorRef(Schema):
    """A byline as printed: name, unit, slug. Never an account, an e-mail or a staff id."""

    slug: str
    name: str
    unit: str = ""
    url: str | None = None


class Article(Schema):
    id: int | None = None
    slug: str | None = None
    title: str | None = None
    summary: str | None = None
    kind: str | None = None
    url: str | None = None
    published_at: str | None = None
    updated_at: str | None = None
    section: SectionRef | str | None = None
    tags: list[Link] | None = None
    authors: list[AuthorRef | str] | None = None
    campaigns: list[Link | str] | None = None
    cover: Photo | str | None = None


class ArticleDetail(Article):
    body: str | None = None
    warning_signs: list[str] | None = None
    warning_advice: list[str] | None = None
    photos: list[Photo] | None = None


class Page(Schema):
    next: str | None = None
    total: int | None = None


class ArticlePage(Page):
    items: list[Article]


class Section(Schema):
    id: int | None = None
    slug: str | None = None
    name: str | None = None
    description: str | None = None
    parent: str | None = None
    url: str | None = None


class SectionList(Schema):
    items: list[Section]


class Named(Schema):
    id: int | None = None
    slug: str | None = None
    name: str | None = None
    url: str | None = None


class NamedPage(Page):
    items: list[Named]


class Author(Named):
    unit: str | None = None


class AuthorPage(Page):
    items: list[Author]


class Campaign(Named):
    slogan: str | None = None
    description: str | None = None
    starts_on: str | None = None
    ends_on: str | None = None
    cover: Photo | str | None = None


class CampaignList(Schema):
    items: list[Campaign]


class Document(Schema):
    id: int | None = None
    slug: str | None = None
    number: str | None = None
    summary: str | None = None
    type: str | None = None
    issuer: str | None = None
    field: str | None = None
    issued_on: str | None = None
    effective_from: str | None = None
    expires_on: str | None = None
    url: str | None = None
    published_at: str | None = None
    updated_at: str | None = None


class DocumentPage(Page):
    items: list[Document]


class Notice(Schema):
    id: int | None = None
    slug: str | None = None
    decision_number: str | None = None
    decision_date: str | None = None
    issuing_agency: str | None = None
    full_name: str | None = None
    other_names: str | None = None
    sex: str | None = None
    birth_year: int | None = None
    residence: str | None = None
    features: str | None = None
    offence: str | None = None
    offence_detail: str | None = None
    contact_agency: str | None = None
    contact_address: str | None = None
    contact_phone: str | None = None
    url: str | None = None
    published_at: str | None = None
    updated_at: str | None = None


class NoticePage(Page):
    items: list[Notice]


class Question(Schema):
    id: int | None = None
    slug: str | None = None
    title: str | None = None
    topic: str | None = None
    asker: str | None = None
    question: str | None = None
    answer: str | None = None
    answer_unit: str | None = None
    url: str | None = None
    published_at: str | None = None
    updated_at: str | None = None


class QuestionPage(Page):
    items: list[Question]


class Removal(Schema):
    type: str
    id: int
    slug: str | None = None
    url: str | None = None
    removed_at: str
    reason: str


class RemovalPage(Page):
    items: list[Removal]
