from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        from public import cachetags, signals

        signals.connect()
        cachetags.connect()
