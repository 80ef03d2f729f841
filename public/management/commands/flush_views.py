"""Write buffered page views to the database (also done by requests once a minute)."""

from django.utils.translation import gettext as _

from public.management.repeating import RepeatingCommand
from public.pageviews import flush_views


class Command(RepeatingCommand):
    help = _("Write buffered page views to the database (“most read” and view counts).")
    every_help = _("Keep running and flush every SECONDS seconds.")

    def run_once(self) -> str:
        return _("%(n)s views written.") % {"n": flush_views()}
