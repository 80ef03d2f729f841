"""Import legal documents from a spreadsheet (CSV, XLSX) or JSON Lines (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from documents.spreadsheet import SpreadsheetImporter
from documents.transfer import DocumentImporter, RecordError, read_records


class Command(BaseCommand):
    help = _("Import legal documents from a spreadsheet (CSV, XLSX) or a JSON Lines file.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--by", required=True, help=_("the staff member who imports"))
        parser.add_argument(
            "--publish", action="store_true", help=_("publish new documents (spreadsheets)")
        )
        parser.add_argument(
            "--files", type=Path, help=_("folder of the files named in the “Tệp” column")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("check only, save nothing"))

    def handle(self, *args, file: Path, by: str, **options) -> None:
        user = User.objects.filter(username=by, is_active=True, is_staff=True).first()
        if user is None:
            raise CommandError(_("No active staff member “%(name)s”.") % {"name": by})
        if not file.is_file():
            raise CommandError(_("File “%(path)s” was not found.") % {"path": file})
        if file.suffix.lower() == ".jsonl":
            return self.jsonl(file, user, options["dry_run"])
        importer = SpreadsheetImporter(
            by=user, publish=options["publish"], files_dir=options["files"]
        )
        report = importer.run(file.read_bytes(), file.name, dry_run=options["dry_run"])
        for line in report.lines():
            self.stderr.write(line)
        self.stdout.write(
            _("%(created)s created, %(updated)s updated, %(skipped)s skipped, %(failed)s failed.")
            % {
                "created": report.created,
                "updated": report.updated,
                "skipped": report.skipped,
                "failed": len(report.refused),
            }
        )
        if report.refused:
            raise SystemExit(1)

    def jsonl(self, file: Path, user, dry_run: bool) -> None:
        importer = DocumentImporter(base_dir=file.parent, by=user)
        counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        for number, record in read_records(file):
            try:
                result = importer.import_record(record, dry_run=dry_run)
            except RecordError as exc:
                counts["failed"] += 1
                self.stderr.write(_("Line %(line)s: %(reason)s") % {"line": number, "reason": exc})
                continue
            counts[result.outcome] += 1
            if result.note:
                self.stdout.write(
                    _("Line %(line)s: %(reason)s") % {"line": number, "reason": result.note}
                )
        if not dry_run:
            with transaction.atomic():
                importer.link_all()
        self.stdout.write(
            _("%(created)s created, %(updated)s updated, %(skipped)s skipped, %(failed)s failed.")
            % counts
        )
        if counts["failed"]:
            raise SystemExit(1)
