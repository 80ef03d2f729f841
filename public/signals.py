"""The public site follows what it shows: a change purges exactly the tags it touches.

A saved or deleted article, section, tag, author, campaign, photo, document, unit, leader,
introduction page or English page, whoever saved it (the admin, the importer, a service),
retires the cached pages and parts carrying its tags (``public/cachetags.py``:
``tags_for_change``) once the transaction commits, in the app's cache
(``public/pagecache.py``) and at the proxy or CDN (``public/purging.py``): a publish, a
correction, a take-down, a withdrawal each purge the item, its lists, home and feeds.
"""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext as _

from articles.models import Article, Author, Byline, Campaign, GalleryItem, Method, Section, Tag
from documents.models import Attachment, Document, DocumentLink, DocumentType, Field, Issuer
from english.models import EnglishPage
from notices.models import NoticePhoto, Offence, WantedNotice, Withdrawal
from organisation.models import Leader, Page, Unit
from photos.models import Image
from public import cachetags, pagecache, purging
from public.models import PortalIdentity
from questions.models import Question, Topic
from reporting.models import Channel

SHOWN = (
    *(Article, Section, Tag, Author, Campaign, Image, Byline, GalleryItem, Method),
    *(WantedNotice, NoticePhoto, Withdrawal, Offence, Question, Topic, Channel),
    *(Document, Attachment, DocumentLink, DocumentType, Issuer, Field),
    *(Unit, Leader, Page, EnglishPage, PortalIdentity),
)


_pending = threading.local()


def content_changed(sender, instance=None, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    if instance is None:
        pagecache.content_changed()
        return
    tags = cachetags.tags_for_change(instance)
    pks = kwargs.get("pk_set") or ()
    if kwargs.get("action") is not None:  # an m2m change: the lists it adds or removes
        if kwargs["action"] not in ("post_add", "post_remove", "pre_clear"):
            return
        model = kwargs["model"]
        if model is Article:
            for article in Article.objects.filter(pk__in=pks).select_related("section"):
                tags |= cachetags.tags_for_change(article)
        else:
            kind = cachetags.kind_of(model)
            tags |= {cachetags.list_tag(kind, pk) for pk in pks} if kind else set()
    changed(tags, reason=_reason(instance, kwargs.get("signal")))


def _reason(instance, signal) -> str:
    what = {"what": type(instance)._meta.verbose_name, "pk": instance.pk}
    if signal is post_delete:
        return (_("%(what)s #%(pk)s deleted") % what)[:200]
    return (_("%(what)s #%(pk)s saved") % what)[:200]


def changed(tags: set[str], *, reason: str = "") -> None:
    """Purge ``tags`` once the transaction commits: one purge for all the changes a
    transaction made (an article and its tags, bylines, gallery)."""
    # Each change is an entry; the first of a commit's callbacks sends its own entry and
    # every later one (the same transaction's), the others then finding theirs sent.
    # Entries older than it belong to a transaction rolled back (whose callbacks Django
    # dropped): they are forgotten, never sent.
    pending: list[dict] = _pending.__dict__.setdefault("entries", [])
    entry = dict.fromkeys(tags, reason)
    pending.append(entry)
    # Now (readers of this process see it at once), and again after the commit: a reader
    # of the old rows meanwhile started before that purge, so what it made is retired.
    pagecache.purge_tags(tags)
    pagecache.transaction.on_commit(lambda: _flush(entry), robust=True)


def _flush(entry: dict) -> None:
    pending: list[dict] = _pending.__dict__.setdefault("entries", [])
    at = next((i for i, e in enumerate(pending) if e is entry), None)
    if at is None:  # sent with an earlier change of the same commit
        return
    merged: dict[str, str] = {}
    for each in pending[at:]:
        for tag, why in each.items():
            merged.setdefault(tag, why)
    pending.clear()
    if not merged:
        return
    tags = set(merged)
    pagecache.record_change(tags)
    reasons = sorted(set(merged.values()))
    purging.enqueue(tags, reason="; ".join(reasons)[:500])


def connect() -> None:
    for model in SHOWN:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
    throughs = (Article.tags.through, Article.campaigns.through, Article.methods.through)
    for through in (*throughs, Document.articles.through):
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"public-{through}")
