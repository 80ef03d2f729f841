from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from imports.items import ArchiveError
from imports.models import ImportRun, Reader
from imports.services import import_run_create, import_run_execute, import_run_resumable


class Command(BaseCommand):
    help = _("Import an old portal's archive: WordPress (WXR), NukeViet (.sql) or saved HTML.")

    def add_arguments(self, parser) -> None:
        # Both left out with --run: the import started from the admin says them.
        parser.add_argument("reader", nargs="?", choices=[r.value for r in Reader])
        parser.add_argument("path", nargs="?", type=Path, help=_("the archive (file or folder)"))
        parser.add_argument("--source", help=_("a short name for the old portal"))
        parser.add_argument("--by", metavar="USERNAME", help=_("the staff member importing"))
        parser.add_argument("--mapping", type=Path, help=_("the mapping file (TOML)"))
        parser.add_argument("--uploads", type=Path, help=_("a copy of the old uploads folder"))
        parser.add_argument(
            "--allow-host",
            action="append",
            default=[],
            dest="allow_hosts",
            help=_("a host photos may be downloaded from (repeat for several)"),
        )
        parser.add_argument(
            "--missing-media",
            choices=["drop", "link"],
            default="drop",
            help=_("a photo that cannot be read is dropped (default) or kept as a link"),
        )
        parser.add_argument("--old-url", default="", help=_("the old portal's address"))
        parser.add_argument("--selectors", type=Path, help=_("saved HTML: the selector file"))
        parser.add_argument("--prefix", default="nv4", help=_("NukeViet: the table prefix"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("write nothing, print the plan")
        )
        parser.add_argument(
            "--resume", action="store_true", help=_("continue the last unfinished import")
        )
        parser.add_argument("--run", type=int, help=_("an import started from the admin"))

    def handle(self, *args, **options) -> None:
        if options["run"]:
            run = ImportRun.objects.filter(pk=options["run"]).first()
            if run is None:
                raise CommandError(_("No such import."))
            return self._execute(run, resume=options["resume"])
        if not (options["reader"] and options["path"] and options["source"]):
            raise CommandError(_("Say the reader, the archive and --source (or --run)."))
        path = options["path"]
        if not path.exists():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        run = import_run_resumable(source=options["source"]) if options["resume"] else None
        if run is None:
            user = (
                get_user_model()
                .objects.filter(username=options["by"] or "", is_active=True, is_staff=True)
                .first()
            )
            if user is None:
                raise CommandError(
                    _("No active staff member is called “%(name)s” (--by).")
                    % {"name": options["by"] or ""}
                )
            run_options = {
                key: str(options[key]) if isinstance(options[key], Path) else options[key]
                for key in (
                    "mapping",
                    "uploads",
                    "allow_hosts",
                    "missing_media",
                    "old_url",
                    "selectors",
                    "prefix",
                )
                if options[key]
            }
            run = import_run_create(
                source=options["source"],
                reader=options["reader"],
                path=str(path.resolve()),
                options=run_options,
                dry_run=options["dry_run"],
                by=user,
                save=not options["dry_run"],
            )
        elif options["dry_run"]:
            raise CommandError(_("--resume and --dry-run cannot go together."))
        self._execute(run, resume=options["resume"])

    def _execute(self, run: ImportRun, *, resume: bool) -> None:
        try:
            run = import_run_execute(run=run, out=self.stderr, resume=resume)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from None
        if run.dry_run:
            self.stdout.write(run.plan)
        else:
            self.stdout.write(
                _("created %(c)s, updated %(u)s, unchanged %(n)s, skipped %(s)s, failed %(f)s")
                % {
                    "c": run.created,
                    "u": run.updated,
                    "n": run.unchanged,
                    "s": run.skipped,
                    "f": run.failed,
                }
            )
            self.stdout.write(_("Report: %(p)s") % {"p": run.report})
