from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from publishing import stored_times

        # A time the database holds beyond Python's years is read, not a crash.
        stored_times.connect()
