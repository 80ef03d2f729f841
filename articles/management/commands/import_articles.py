import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from articles.transfer import DEFAULT_SOURCE, ArticleImporter, RecordError, read_records


class Command(BaseCommand):
    help = _("Import articles from a JSON Lines file (one article per line).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help=_("the .jsonl file"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("check every line, change nothing")
        )
        parser.add_argument(
            "--source",
            default=DEFAULT_SOURCE,
            help=_("name of the source system; source_id is unique within it"),
        )

    def handle(self, *args, file: Path, dry_run: bool, source: str, **options) -> None:
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        importer = ArticleImporter(base_dir=file.parent, source=source)
        with file.open(encoding="utf-8") as lines:
            total = sum(1 for line in lines if line.strip())
        counts = {"created": 0, "updated": 0, "failed": 0}
        progress = tqdm(
            read_records(file),
            total=total,
            unit=_("article"),
            file=sys.stderr,
            disable=not sys.stderr.isatty() or options["verbosity"] == 0,
        )
        for number, record in progress:
            try:
                if isinstance(record, RecordError):
                    raise record
                result = importer.import_record(record, dry_run=dry_run)
            except RecordError as exc:
                counts["failed"] += 1
                with progress.external_write_mode():
                    self.stderr.write(_("Line %(n)s: %(reason)s") % {"n": number, "reason": exc})
                continue
            counts["created" if result.created else "updated"] += 1

        summary = _("%(created)s created, %(updated)s updated, %(failed)s failed.") % counts
        if dry_run:
            summary = _("Dry run, nothing saved: %(summary)s") % {"summary": summary}
        style = self.style.WARNING if counts["failed"] else self.style.SUCCESS
        self.stdout.write(style(summary))
        if counts["failed"]:
            raise CommandError(
                _("%(failed)s line(s) could not be imported; see above.") % counts, returncode=1
            )
