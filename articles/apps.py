from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        import reversion

        from articles import signals  # noqa: F401  (connects the receivers)
        from articles.models import Article, Byline

        # A revision keeps what an editor wrote. Restoring one copies the content back
        # (articles.revisions), never the workflow state, the counters or derived text.
        reversion.register(
            Article, follow=["bylines"], exclude=["view_count", "lock_version", "search_text"]
        )
        reversion.register(Byline)
