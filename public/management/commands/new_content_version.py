"""Start a new content version: after a restore, or rows changed straight in the database."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from public.pagecache import record_change


class Command(BaseCommand):
    help = _(
        "Start a new content version: every cached page, page part and menu is made again "
        "(after a restore, or a change written straight into the database)."
    )

    def handle(self, *args, **options) -> None:
        record_change()
        if options["verbosity"] > 0:
            self.stdout.write(_("A new content version is started."))
