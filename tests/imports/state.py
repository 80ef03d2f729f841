"""What an import left in a database, as row counts and content hashes.

Run in the database's own process (``python -m tests.imports.state``): the resume test
compares what a killed-and-resumed import and an uninterrupted one left behind. Primary
keys and timestamps differ between two databases and are left out; a photo is named by the
SHA-256 of its content, so a body's ``<img src>`` is compared by the photo it shows.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

import django


def _digest(rows) -> str:
    text = json.dumps(list(rows), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state() -> dict:
    # Imported once django.setup() has run (this module is a script of its own).
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    from articles.models import Article, Byline, GalleryItem, Section, Tag, Transition
    from imports.models import ImportedMedia, ImportItem, ImportRun, Redirect
    from photos.models import Image

    by_url = {image.file.url: image.checksum for image in Image.objects.all()}
    by_pk = dict(Image.objects.values_list("pk", "checksum"))

    def shown(html: str) -> str:
        for url, checksum in by_url.items():
            html = html.replace(url, "photo:" + checksum)
        return html

    articles = []
    for article in Article.objects.select_related("section").prefetch_related("tags"):
        articles.append(
            [
                article.source, article.source_id, article.title, article.slug,
                article.status, article.published_at, article.sapo, shown(article.body),
                article.section.name if article.section else None,
                sorted(t.name for t in article.tags.all()), article.byline,
                by_pk.get(article.cover_id),
            ]
        )  # fmt: skip
    articles.sort()
    source_of = dict(Article.objects.values_list("pk", "source_id"))
    journal = sorted(
        [i.source, i.old_id, i.kind, i.content_hash, i.outcome, i.note,
         source_of.get(i.article_id), by_pk.get(i.image_id)]
        for i in ImportItem.objects.all()
    )  # fmt: skip
    redirects = sorted(
        [r.host, r.old_path, source_of.get(r.article_id), r.gone, r.target]
        for r in Redirect.objects.all()
    )
    gallery = sorted(
        [source_of[g.article_id], g.position, by_pk[g.image_id], g.caption]
        for g in GalleryItem.objects.all()
    )
    runs = list(
        ImportRun.objects.values_list(
            "state", "total", "processed", "created", "updated", "unchanged", "skipped", "failed"
        )
    )
    article_type = ContentType.objects.get_for_model(Article)
    counts = {
        "articles": Article.objects.count(),
        "photos": Image.objects.count(),
        "journal": ImportItem.objects.count(),
        "photo_addresses": ImportedMedia.objects.count(),
        "redirects": Redirect.objects.count(),
        "transitions": Transition.objects.count(),
        "revisions": Version.objects.filter(content_type=article_type).count(),
        "bylines": Byline.objects.count(),
        "sections": Section.objects.count(),
        "tags": Tag.objects.count(),
        "gallery": len(gallery),
    }
    return {
        "counts": counts,
        "runs": runs,
        "hashes": {
            "articles": _digest(articles),
            "journal": _digest(journal),
            "redirects": _digest(redirects),
            "gallery": _digest(gallery),
            "photos": _digest(sorted(by_pk.values())),
        },
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    sys.stdout.write(json.dumps(state()) + "\n")
