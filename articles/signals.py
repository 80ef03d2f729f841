"""Bookkeeping that must follow every save, whoever saves (admin, importer, services)."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, OldSlug, Section

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
