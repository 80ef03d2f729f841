from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        import reversion

        from articles.models import Article, Byline

        # A revision keeps what an editor wrote. Restoring one copies the content back
        # (articles.revisions), never the workflow state or the counters.
        reversion.register(Article, follow=["bylines"], exclude=["view_count", "lock_version"])
        reversion.register(Byline)
