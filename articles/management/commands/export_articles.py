from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from articles.models import Article
from articles.transfer import ArticleExporter


class Command(BaseCommand):
    help = _("Export every article to a JSON Lines file, with its images in a folder beside it.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help=_("the .jsonl file to write"))

    def handle(self, *args, file: Path, **options) -> None:
        articles = (
            Article.objects.select_related("section", "cover")
            .prefetch_related("bylines__author", "tags", "campaigns")
            .order_by("pk")
        )
        exporter = ArticleExporter(path=file)
        count = exporter.export(articles.iterator(chunk_size=200))
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)s articles written to %(path)s (images in %(images)s).")
                % {"count": count, "path": file, "images": exporter.images_dir}
            )
        )
