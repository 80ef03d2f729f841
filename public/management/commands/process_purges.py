"""Send the purges that are due (a failed or rate-limited one is retried with growing delays)."""

from django.utils.translation import gettext as _

from public.management.repeating import RepeatingCommand
from public.purging import process_due


class Command(RepeatingCommand):
    help = _("Send the cache purges that are due to the proxy or CDN (run every minute).")
    every_help = _("Keep running and send what is due every SECONDS seconds.")

    def run_once(self) -> str:
        return _("%(n)s purges sent.") % {"n": process_due()}
