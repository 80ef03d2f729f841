"""Load the demo newsroom: sections, campaigns, authors, ~30 articles and one user per role.

The articles go through the JSON Lines importer, like any real import. Running the
command twice leaves the same content as running it once.
"""

import datetime as dt
import io
import json
import os
import secrets
import tempfile
import zlib
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from articles.demo import content
from articles.demo.photos import render_photo
from articles.images import add_image
from articles.models import Article, Author, Campaign, DailyViews, GalleryItem, Section

DEMO_SOURCE = "demo"
DEMO_USERS = [
    # username, full name, role, author index linked to the account (or None)
    ("phongvien", "Lê Thị Hạnh", Role.REPORTER, 0),
    ("bientap", "Phạm Quang Minh", Role.EDITOR, 1),
    ("lanhdao", "Hoàng Văn Dũng", Role.APPROVER, None),
    ("anh", "Đỗ Thu Trang", Role.PHOTO_STAFF, None),
    ("quantri", "Vũ Đức Thắng", Role.ADMINISTRATOR, None),
]


def _seed(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


def _figure(path: str, photo: dict) -> str:
    caption = escape(photo["caption"])
    credit = f" ({escape(photo['credit'])})" if photo.get("credit") else ""
    return (
        f'<figure class="image"><img src="{escape(path)}" alt="{escape(photo.get("alt", ""))}">'
        f"<figcaption>{caption}{credit}</figcaption></figure>"
    )


class Command(BaseCommand):
    help = _("Load the demo content and one demo user per role (idempotent).")

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            self.sections()
            self.campaigns()
        with tempfile.TemporaryDirectory(prefix="newsroom-demo-") as folder:
            path = self.write_articles(Path(folder))
            out = io.StringIO()
            call_command("import_articles", str(path), source=DEMO_SOURCE, stdout=out, verbosity=0)
            self.stdout.write(out.getvalue().strip())
        self.photo_story()
        self.users()
        self.views()

    def sections(self) -> None:
        for position, item in enumerate(content.SECTIONS):
            parent = Section.objects.get(name=item["parent"]) if item["parent"] else None
            Section.objects.update_or_create(
                name=item["name"],
                defaults={
                    "parent": parent,
                    "description": item["description"],
                    "position": position,
                },
            )

    def campaigns(self) -> None:
        for item in content.CAMPAIGNS:
            photo = item["photo"]
            data = render_photo(photo["scene"], _seed("campaign", item["name"]))
            cover, _created = add_image(
                io.BytesIO(data),
                original_name=f"{item['name']}.jpg",
                caption=photo["caption"],
                alt_text=photo.get("alt", ""),
                credit=photo.get("credit", ""),
            )
            Campaign.objects.update_or_create(
                name=item["name"],
                defaults={
                    "slogan": item["slogan"],
                    "description": item["description"],
                    "starts_on": dt.date.fromisoformat(item["starts_on"]),
                    "ends_on": dt.date.fromisoformat(item["ends_on"]) if item["ends_on"] else None,
                    "cover": cover,
                },
            )

    def write_articles(self, folder: Path) -> Path:
        now = timezone.localtime()
        path = folder / "demo.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for item in content.ARTICLES:
                out.write(json.dumps(self.record(item, folder, now), ensure_ascii=False) + "\n")
        return path

    def photo(self, folder: Path, name: str, photo: dict, seed: int) -> str:
        (folder / name).write_bytes(render_photo(photo["scene"], seed))
        return name

    def record(self, item: dict, folder: Path, now: dt.datetime) -> dict:
        source_id = item["source_id"]
        day = now - dt.timedelta(days=item["days_ago"])
        published_at = day.replace(
            hour=item["hour"], minute=item["minute"], second=0, microsecond=0
        )
        if item["days_ago"] >= 0 and published_at > now:
            published_at = day.replace(second=0, microsecond=0)
        body = []
        for index, block in enumerate(item["paragraphs"]):
            if isinstance(block, str):
                body.append(f"<p>{escape(block)}</p>")
            elif "h2" in block:
                body.append(f"<h2>{escape(block['h2'])}</h2>")
            elif "quote" in block:
                body.append(f"<blockquote><p>{escape(block['quote'])}</p></blockquote>")
            elif "photo" in block:
                name = self.photo(
                    folder, f"{source_id}-{index}.jpg", block["photo"], _seed(source_id, index)
                )
                body.append(_figure(name, block["photo"]))
        cover = item["cover"]
        cover_name = self.photo(folder, f"{source_id}-cover.jpg", cover, _seed(source_id, "cover"))
        return {
            "source_id": source_id,
            "title": item["title"],
            "sapo": item["sapo"],
            "body_html": "\n".join(body),
            "authors": [content.AUTHORS[i] for i in item["authors"]],
            "published_at": published_at.isoformat(),
            "status": item["status"],
            "featured": item["featured"],
            "section": item["section"],
            "tags": item["tags"],
            "campaigns": item["campaigns"],
            "cover": {
                "path": cover_name,
                "caption": cover["caption"],
                "alt": cover.get("alt", ""),
                "credit": cover.get("credit", ""),
            },
        }

    def views(self) -> None:
        """A week of page views, so that "most read" has something to show."""
        today = timezone.localdate()
        for article in Article.objects.published().filter(source=DEMO_SOURCE):
            total = 0
            for days_ago in range(7):
                views = 40 + _seed(article.source_id, days_ago) % 900
                total += views
                DailyViews.objects.update_or_create(
                    article=article,
                    day=today - dt.timedelta(days=days_ago),
                    defaults={"views": views},
                )
            Article.objects.filter(pk=article.pk).update(view_count=total)

    @transaction.atomic
    def photo_story(self) -> None:
        story = content.PHOTO_STORY
        article = Article.objects.filter(source=DEMO_SOURCE, source_id=story["article"]).first()
        if article is None:
            return
        for position, (scene, caption) in enumerate(story["photos"]):
            data = render_photo(scene, _seed("story", position))
            image, _created = add_image(
                io.BytesIO(data),
                original_name=f"phong-su-{position + 1}.jpg",
                caption=caption,
                credit=story["credit"],
                place=story["place"],
            )
            GalleryItem.objects.update_or_create(
                article=article, image=image, defaults={"position": position}
            )

    def users(self) -> None:
        shared_password = os.environ.get("DEMO_PASSWORD", "")
        rows = []
        for username, full_name, role, author_index in DEMO_USERS:
            user, _created = User.objects.get_or_create(username=username)
            # Vietnamese names read family name first: keep the whole name in one field.
            user.first_name, user.last_name = full_name, ""
            user.is_staff = True
            user.is_superuser = role == Role.ADMINISTRATOR
            password = shared_password or secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role.label)])
            if author_index is not None:
                author_data = content.AUTHORS[author_index]
                Author.objects.filter(
                    name=author_data["name"], unit=author_data["unit"], user__isnull=True
                ).update(user=user)
            rows.append((role.label, username, password))
        self.stdout.write(_("Demo logins (admin at /%(path)s):") % {"path": settings.ADMIN_URL})
        for label, username, password in rows:
            self.stdout.write(f"  {label:<22} {username:<10} {password}")
        if settings.TWO_FACTOR_REQUIRED == "none":
            self.stdout.write(
                _(
                    "Two-step verification is not enforced (TWO_FACTOR_REQUIRED=none, demo only); "
                    "anyone can turn it on under “Account security”."
                )
            )
        else:
            self.stdout.write(
                _(
                    "Approvers and administrators set up two-step verification (an authenticator "
                    "app) at their first log-in."
                )
            )
