"""The public site follows what it shows: any change to it starts a new content version.

Cached pages and page parts are stored under the content version (``public/pagecache.py``),
so a saved article, section, tag, author, campaign or photo is on every page at the next
request, whoever saved it (the admin, the importer, a service).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, Author, Byline, Campaign, GalleryItem, Section, Tag
from photos.models import Image
from public import navigation, pagecache
from public.models import PortalIdentity

SHOWN = (Article, Section, Tag, Author, Campaign, Image, Byline, GalleryItem)


def content_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        pagecache.content_changed()


def section_changed(sender, raw: bool = False, **kwargs) -> None:
    """The menu is cached on its own: a renamed, added or moved section shows at once."""
    if not raw:
        navigation.forget()


def identity_changed(sender, raw: bool = False, **kwargs) -> None:
    """The masthead and footer show the portal's identity: every page changes with it."""
    if not raw:
        navigation.forget_portal()
        pagecache.content_changed()


def connect() -> None:
    for model in SHOWN:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"public-{model.__name__}")
    for through in (Article.tags.through, Article.campaigns.through):
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"public-{through}")
    post_save.connect(section_changed, sender=Section, dispatch_uid="public-menu")
    post_delete.connect(section_changed, sender=Section, dispatch_uid="public-menu")
    post_save.connect(identity_changed, sender=PortalIdentity, dispatch_uid="public-identity")
    post_delete.connect(identity_changed, sender=PortalIdentity, dispatch_uid="public-identity")
