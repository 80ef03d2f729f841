"""Send the purges that are due (a failed or rate-limited one is retried with growing delays)."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from public.purging import process_due


class Command(BaseCommand):
    help = _("Send the cache purges that are due to the proxy or CDN (run every minute).")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help=_("Keep running and send what is due every SECONDS seconds."),
        )

    def handle(self, *args, every: int = 0, **options) -> None:
        while True:
            done = process_due()
            if options["verbosity"] > 0:
                self.stdout.write(_("%(n)s purges sent.") % {"n": done})
            if not every:
                return
            time.sleep(every)
