"""Export every legal document as JSON Lines, its files beside (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from documents.models import Document
from documents.transfer import DocumentExporter


class Command(BaseCommand):
    help = _("Export every legal document as JSON Lines (files in FILE-files/ beside it).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        documents = (
            Document.objects.select_related("doc_type", "issuer", "field")
            .prefetch_related("attachments", "links_out__target__issuer", "articles")
            .order_by("pk")
        )
        count = DocumentExporter(path=file).export(documents)
        self.stdout.write(_("%(n)s documents exported.") % {"n": count})
