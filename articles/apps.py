from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        import reversion
        from django.core.signals import request_finished

        from articles import signals  # noqa: F401  (connects the receivers)
        from articles.models import Article, Byline
        from articles.pagecache import parts

        # A revision keeps what an editor wrote. Restoring one copies the content back
        # (articles.revisions), never the workflow state, the counters or derived text.
        reversion.register(
            Article, follow=["bylines"], exclude=["view_count", "lock_version", "search_text"]
        )
        reversion.register(Byline)
        # Page parts rendered for a reader reach Redis after the reader has the page.
        request_finished.connect(parts.flush, dispatch_uid="articles.parts.flush")
