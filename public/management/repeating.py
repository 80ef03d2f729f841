"""A management command run once, or every ``--every SECONDS`` seconds (cron or a loop)."""

import time

from django.core.management.base import BaseCommand


class RepeatingCommand(BaseCommand):
    every_help = ""  # what one pass does, for ``--every``

    def add_arguments(self, parser) -> None:
        parser.add_argument("--every", type=int, default=0, metavar="SECONDS", help=self.every_help)

    def run_once(self) -> str:
        """One pass; returns the line to print."""
        raise NotImplementedError

    def handle(self, *args, every: int = 0, **options) -> None:
        while True:
            line = self.run_once()
            if options["verbosity"] > 0:
                self.stdout.write(line)
            if not every:
                return
            time.sleep(every)
