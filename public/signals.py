"""The public site follows what it shows: any change to it starts a new content version.

Cached pages and page parts are stored under the content version (``public/pagecache.py``),
so a saved article, section, tag, author, campaign, photo, document, unit, leader,
introduction page or English page is on every page at the next
request, whoever saved it (the admin, the importer, a service).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, Author, Byline, Campaign, GalleryItem, Method, Section, Tag
from documents.models import Attachment, Document, DocumentLink, DocumentType, Field, Issuer
from english.models import EnglishPage
from notices.models import NoticePhoto, Offence, WantedNotice, Withdrawal
from organisation.models import Leader, Page, Unit
from photos.models import Image
from public import pagecache
from public.models import PortalIdentity
from questions.models import Question, Topic
from reporting.models import Channel

SHOWN = (
    *(Article, Section, Tag, Author, Campaign, Image, Byline, GalleryItem, Method),
    *(WantedNotice, NoticePhoto, Withdrawal, Offence, Question, Topic, Channel),
    *(Document, Attachment, DocumentLink, DocumentType, Issuer, Field),
    *(Unit, Leader, Page, EnglishPage, PortalIdentity),
)


def content_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        pagecache.content_changed()


def connect() -> None:
    for model in SHOWN:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
    throughs = (Article.tags.through, Article.campaigns.through, Article.methods.through)
    for through in (*throughs, Document.articles.through):
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"public-{through}")
