from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions and answers")

    def ready(self) -> None:
        # Imported here: models cannot be imported before the app registry is ready.
        import reversion

        from questions.models import Question

        # Revisions keep what the desk wrote, never the asker's name or contact (they are
        # deleted after a period: a revision must not keep them longer).
        reversion.register(
            Question, exclude=["asker_name", "asker_contact", "search_text", "question"]
        )
