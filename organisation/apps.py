from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What a revision does not keep: derived text and times.
EXCLUDED = ["search_text", "updated_at", "english_digest", "english_saved_at"]


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion
        from django.db.models.signals import post_delete, post_save

        from organisation.contacts import forget
        from organisation.models import Leader, Page, Unit
        from photos import usage

        # Every change is kept, as for articles (the admin shows the history).
        for model in (Unit, Leader, Page):
            if not reversion.is_registered(model):  # the admin may have done it first
                reversion.register(model, exclude=EXCLUDED)
        usage.register(Leader, "portrait", _("leader's portrait"))
        post_save.connect(forget, sender=Unit, dispatch_uid="organisation-contact")
        post_delete.connect(forget, sender=Unit, dispatch_uid="organisation-contact")
