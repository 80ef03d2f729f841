import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from articles.transfer import DEFAULT_SOURCE, ArticleImporter, RecordError, read_records


class Command(BaseCommand):
    help = _("Import articles from a JSON Lines file (one article per line).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help=_("the .jsonl file"))
        parser.add_argument(
            "--by",
            required=True,
            metavar="USERNAME",
            help=_("the staff member the import is made for (recorded in the history)"),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("check every line, change nothing")
        )
        parser.add_argument(
            "--source",
            default=DEFAULT_SOURCE,
            help=_("name of the source system; source_id is unique within it"),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("also import over articles taken down or archived here (administrators)"),
        )

    def handle(self, *args, file: Path, by: str, dry_run: bool, source: str, **options) -> None:
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        user = get_user_model().objects.filter(username=by, is_active=True).first()
        if user is None:
            raise CommandError(_("No active staff member is called “%(name)s”.") % {"name": by})
        importer = ArticleImporter(
            base_dir=file.parent, source=source, by=user, force=options["force"]
        )
        with file.open("rb") as lines:
            total = sum(1 for line in lines if line.strip())
        counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        progress = tqdm(
            read_records(file),
            total=total,
            unit=_("article"),
            file=sys.stderr,
            disable=not sys.stderr.isatty() or options["verbosity"] == 0,
        )
        for number, record in progress:
            try:
                result = importer.import_record(record, dry_run=dry_run)
            except RecordError as exc:
                counts["failed"] += 1
                self.report(progress, number, str(exc))
                continue
            counts[result.outcome] += 1
            if result.note:
                self.report(progress, number, result.note)

        summary = (
            _("%(created)s created, %(updated)s updated, %(skipped)s skipped, %(failed)s failed.")
            % counts
        )
        if dry_run:
            summary = _("Dry run, nothing saved: %(summary)s") % {"summary": summary}
        style = self.style.WARNING if counts["failed"] or counts["skipped"] else self.style.SUCCESS
        self.stdout.write(style(summary))
        if counts["failed"]:
            raise CommandError(
                _("%(failed)s line(s) could not be imported; see above.") % counts, returncode=1
            )

    def report(self, progress, number: int, reason: str) -> None:
        with progress.external_write_mode():
            self.stderr.write(_("Line %(n)s: %(reason)s") % {"n": number, "reason": reason})
