from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnglishConfig(AppConfig):
    name = "english"
    verbose_name = _("English pages")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion

        from english.models import EnglishPage

        reversion.register(EnglishPage, exclude=["source_snapshot", "source_digest"])
