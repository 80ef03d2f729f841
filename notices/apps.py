from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Wanted notices")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion

        from notices.models import NoticePhoto, WantedNotice
        from photos import usage

        reversion.register(WantedNotice, follow=["photos"], exclude=["search_text"])
        reversion.register(NoticePhoto)
        # A notice's photos cannot be deleted from the library while it shows them.
        usage.register(NoticePhoto, "image", _("wanted notice"), owner="notice")
