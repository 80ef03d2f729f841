"""Bookkeeping that must follow every save of an article, whoever saves it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from articles.models import Article, OldSlug
from photos.models import Image
from photos.services import image_replaced


@receiver(post_save, sender=Article)
def keep_old_slug(sender, instance: Article, created: bool, raw: bool = False, **kwargs) -> None:
    """A changed slug leaves its old URL behind as a permanent redirect."""
    old = getattr(instance, "_loaded_slug", None)
    if not created and not raw and old and old != instance.slug:
        OldSlug.objects.filter(slug=instance.slug).delete()  # the article took it back
        OldSlug.objects.update_or_create(slug=old, defaults={"article": instance})
    instance._loaded_slug = instance.slug


@receiver(image_replaced)
def follow_replaced_photo(sender, image: Image, **kwargs) -> None:
    """Bodies keep a photo's address, size and renditions: prepared again, they follow
    its new file."""
    for article in Article.objects.filter(body_images=image):
        article.save(update_fields=["body", "updated_at"])
