from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion

        from articles import signals  # noqa: F401  (connects the receivers)
        from articles.models import Article, BodyImage, Byline, Campaign, GalleryItem
        from photos import usage

        # A revision keeps what an editor wrote. Restoring one copies the content back
        # (articles.revisions), never the workflow state, the counters or derived text.
        reversion.register(
            Article, follow=["bylines"], exclude=["view_count", "lock_version", "search_text"]
        )
        reversion.register(Byline)
        # The photos these show cannot be deleted from the library.
        usage.register(Article, "cover", _("cover"))
        usage.register(BodyImage, "image", _("in the text"), owner="article")
        usage.register(GalleryItem, "image", _("photo story"), owner="article")
        usage.register(Campaign, "cover", _("cover"))
