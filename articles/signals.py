"""Bookkeeping that must follow every save, whoever saves (admin, importer, services)."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles import pagecache
from articles.models import (
    Article,
    Author,
    Byline,
    Campaign,
    GalleryItem,
    Image,
    OldSlug,
    Section,
    Tag,
)

NAV_CACHE_KEY = "site:nav-sections"


@receiver(post_save, sender=Article)
def keep_old_slug(sender, instance: Article, created: bool, raw: bool = False, **kwargs) -> None:
    """A changed slug leaves its old URL behind as a permanent redirect."""
    old = getattr(instance, "_loaded_slug", None)
    if not created and not raw and old and old != instance.slug:
        OldSlug.objects.filter(slug=instance.slug).delete()  # the article took it back
        OldSlug.objects.update_or_create(slug=old, defaults={"article": instance})
    instance._loaded_slug = instance.slug


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def forget_navigation(sender, **kwargs) -> None:
    """The menu is cached: a renamed, added or moved section shows at once."""
    cache.delete(NAV_CACHE_KEY)


def _content_changed(sender, raw: bool = False, **kwargs) -> None:
    """Cached public pages show content: any change to it starts a new content version."""
    if not raw:
        pagecache.content_changed()


for _model in (Article, Section, Tag, Author, Campaign, Image, Byline, GalleryItem):
    post_save.connect(_content_changed, sender=_model, dispatch_uid=f"pages-{_model.__name__}")
    post_delete.connect(_content_changed, sender=_model, dispatch_uid=f"pages-{_model.__name__}")
for _through in (Article.tags.through, Article.campaigns.through):
    m2m_changed.connect(_content_changed, sender=_through, dispatch_uid=f"pages-{_through}")
