"""Write buffered page views to the database (also done by requests once a minute)."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from public.pageviews import flush_views


class Command(BaseCommand):
    help = _("Write buffered page views to the database (“most read” and view counts).")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help=_("Keep running and flush every SECONDS seconds."),
        )

    def handle(self, *args, every: int = 0, **options) -> None:
        while True:
            written = flush_views()
            if options["verbosity"] > 0:
                self.stdout.write(_("%(n)s views written.") % {"n": written})
            if not every:
                return
            time.sleep(every)
