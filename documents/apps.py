from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Legal documents")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion

        from documents.models import Attachment, Document, DocumentLink

        # A revision keeps what an editor wrote (the workflow state is in the register).
        reversion.register(
            Document,
            follow=["attachments", "links_out"],
            exclude=["search_text", "search_vector", "full_text"],
        )
        reversion.register(Attachment, exclude=["text"])
        reversion.register(DocumentLink)
