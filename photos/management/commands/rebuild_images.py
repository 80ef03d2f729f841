"""Clean and re-render library photos: those stored before the library made renditions,
or every photo with --all (after changing rendition settings)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from photos.models import Image
from photos.pipeline import RENDITIONS_VERSION
from photos.services import image_rebuild


class Command(BaseCommand):
    help = _("Clean library photos and make their renditions again.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help=_("every photo, not only old ones"))

    def handle(self, *args, all: bool, **options) -> None:
        photos = Image.objects.order_by("pk")
        done = failed = 0
        for image in photos.iterator():
            if not all and image.renditions.get("v") == RENDITIONS_VERSION:
                continue
            try:
                image_rebuild(image=image)
                done += 1
            except (ValidationError, OSError) as exc:
                failed += 1
                message = "; ".join(getattr(exc, "messages", [str(exc)]))
                self.stderr.write(f"#{image.pk} {image.file.name}: {message}")
        self.stdout.write(
            _("%(done)s photos rebuilt, %(failed)s failed.") % {"done": done, "failed": failed}
        )
