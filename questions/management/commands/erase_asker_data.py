"""Delete askers' names and contacts after QUESTION_PERSONAL_DATA_DAYS (run it daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from questions.services import erase_asker_data


class Command(BaseCommand):
    help = _(
        "Delete the names and contacts of askers whose question came in more than "
        "QUESTION_PERSONAL_DATA_DAYS days ago, and the questions never published."
    )

    def handle(self, *args, **options) -> None:
        erased, deleted = erase_asker_data()
        self.stdout.write(
            _(
                "Askers' details deleted from %(erased)s questions; %(deleted)s unpublished "
                "questions deleted (older than %(days)s days)."
            )
            % {"erased": erased, "deleted": deleted, "days": settings.QUESTION_PERSONAL_DATA_DAYS}
        )
