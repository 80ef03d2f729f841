"""Load the demo newsroom (``demo/data``): one user per role, sections, campaigns, ~30 articles
with their photos and a photo story, a few articles on the desk, and a week of page views.

The articles go through the JSON Lines importer, made by the demo administrator, like any
real import; the desk's work in progress (a draft sent back with a comment, an article
waiting for editing, one waiting for approval) then goes through the workflow's services,
step by step, by the demo users who would take those steps. Running the command twice
leaves the same content as running it once.
"""

import datetime as dt
import json
import os
import secrets
import tempfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role, group_of
from articles import services
from articles.models import Article, Author, Campaign, GalleryItem, Method, Section
from articles.transfer import ArticleImporter, RecordError, read_records
from demo.data import (
    ARTICLES,
    DOCUMENTS,
    FOLDER,
    POLICE,
    load_english,
    load_organisation,
    load_police,
    load_site,
)
from documents.spreadsheet import SpreadsheetImporter
from english.models import EnglishPage
from english.services import english_save, english_transition
from notices.models import NoticePhoto, NoticeStep, Offence, WantedNotice
from notices.services import notice_withdraw
from organisation.models import Leader, Page, Unit
from photos.services import add_image
from public.models import DailyViews
from public.pageviews import rank_most_read
from publishing.models import Action, Status
from questions.models import Question, QuestionStep, Topic
from reporting.models import Channel

DEMO_SOURCE = "demo"
DEMO_USERS = [
    # username, full name, role; a user whose name is among site.json's authors signs
    # with that byline (the reporter's drafts carry her own name).
    ("phongvien", "Lê Thị Hạnh", Role.REPORTER),
    ("bientap", "Phạm Quang Minh", Role.EDITOR),
    ("lanhdao", "Hoàng Văn Dũng", Role.APPROVER),
    ("anh", "Đỗ Thu Trang", Role.PHOTO_STAFF),
    ("quantri", "Vũ Đức Thắng", Role.ADMINISTRATOR),
]


def _seed(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


class Command(BaseCommand):
    help = _("Load the demo content and one demo user per role (idempotent).")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--data",
            type=Path,
            default=FOLDER,
            help=_("the folder of the demo data (site.json, articles.jsonl, photos/)"),
        )

    def handle(self, *args, data: Path, **options) -> None:
        self.folder = data
        site = load_site(data)
        logins = self.users()
        with transaction.atomic():
            self.sections(site["sections"])
            self.campaigns(site["campaigns"])
        self.articles(by=User.objects.get(username="quantri"))
        if (data / POLICE).exists():
            police = load_police(data)
            self.warnings(police)
            self.notices(police)
            self.channels(police["channels"])
            self.questions(police)
        self.link_authors(site["authors"])
        self.desk(site["desk"])
        self.photo_story(site["photo_story"])
        self.views()
        self.organisation(load_organisation(data))
        self.documents(by=User.objects.get(username="quantri"))
        self.english(load_english(data))
        self.print_logins(logins)

    def users(self) -> list[tuple[str, str, str]]:
        shared_password = os.environ.get("DEMO_PASSWORD", "")
        rows = []
        for username, full_name, role in DEMO_USERS:
            user, _created = User.objects.get_or_create(username=username)
            # Vietnamese names read family name first: keep the whole name in one field.
            user.first_name, user.last_name = full_name, ""
            user.is_staff = True
            user.is_superuser = role == Role.ADMINISTRATOR
            password = shared_password or secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            user.groups.set([group_of(role)])
            rows.append((role.label, username, password))
        return rows

    def sections(self, sections: list[dict]) -> None:
        for position, item in enumerate(sections):
            parent = Section.objects.get(name=item["parent"]) if item["parent"] else None
            Section.objects.update_or_create(
                name=item["name"],
                defaults={
                    "parent": parent,
                    "description": item["description"],
                    "position": position,
                },
            )

    def campaigns(self, campaigns: list[dict]) -> None:
        for item in campaigns:
            cover = self.photo(item["cover"])
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

    def photo(self, item: dict, **extra: str):
        path = self.folder / item["path"]
        with path.open("rb") as data:
            image, _created = add_image(
                data,
                original_name=path.name,
                caption=item.get("caption", ""),
                alt_text=item.get("alt", ""),
                credit=item.get("credit", ""),
                **extra,
            )
        return image

    def articles(self, *, by: User) -> None:
        """The demo articles through the importer, their times set relative to now."""
        now = timezone.localtime()
        with tempfile.TemporaryDirectory(prefix="newsroom-demo-") as folder:
            dated = Path(folder) / "demo.jsonl"
            with dated.open("w", encoding="utf-8") as out:
                for _number, record in read_records(self.folder / ARTICLES):
                    out.write(json.dumps(self.dated(record, now), ensure_ascii=False) + "\n")
            importer = ArticleImporter(base_dir=self.folder, source=DEMO_SOURCE, by=by)
            counts = {"created": 0, "updated": 0, "skipped": 0}
            for number, record in read_records(dated):
                try:
                    counts[importer.import_record(record).outcome] += 1
                except RecordError as exc:
                    raise CommandError(f"{ARTICLES}:{number}: {exc}") from exc
        self.stdout.write(
            _("Demo articles: %(created)s created, %(updated)s updated, %(skipped)s skipped.")
            % counts
        )

    def warnings(self, police: dict) -> None:
        """Crime methods, and the warnings: demo articles made of the warning kind."""
        for position, item in enumerate(police["methods"]):
            Method.objects.update_or_create(
                name=item["name"],
                defaults={"description": item["description"], "position": position},
            )
        for item in police["warnings"]:
            article = Article.objects.filter(source=DEMO_SOURCE, source_id=item["article"]).first()
            if article is None:
                continue
            Article.objects.filter(pk=article.pk).update(
                kind=Article.Kind.WARNING,
                warning_signs=item["signs"],
                warning_advice=item["advice"],
            )
            article.methods.set(Method.objects.filter(name__in=item["methods"]))

    @transaction.atomic
    def notices(self, police: dict) -> None:
        """Wanted notices of fictional people with drawn portraits; one already withdrawn."""
        entered_by = User.objects.get(username="quantri")
        approver = User.objects.get(username="lanhdao")
        today = timezone.localdate()
        for position, name in enumerate(police["offences"]):
            Offence.objects.update_or_create(name=name, defaults={"position": position})
        for item in police["notices"]:
            decided = today - dt.timedelta(days=item["days_ago"])
            notice = WantedNotice.objects.filter(decision_number=item["decision_number"]).first()
            if notice is not None and notice.is_withdrawn:
                continue  # its photo is gone, as it should be
            fields = {
                **police["notice_defaults"],
                "decision_date": decided,
                "full_name": item["full_name"],
                "other_names": item["other_names"],
                "sex": item["sex"],
                "birth_year": item["birth_year"],
                "residence": item["residence"],
                "features": item["features"],
                "offence": Offence.objects.get(name=item["offence"]),
                "offence_detail": item["offence_detail"],
            }
            if notice is None:
                published_at = timezone.now() - dt.timedelta(days=item["days_ago"] - 1)
                notice = WantedNotice.objects.create(
                    decision_number=item["decision_number"],
                    status=Status.PUBLISHED,
                    published_at=published_at,
                    first_published_at=published_at,
                    created_by=entered_by,
                    **fields,
                )
                NoticeStep.objects.create(
                    notice=notice,
                    action=Action.IMPORT,
                    from_status=Status.DRAFT,
                    to_status=Status.PUBLISHED,
                    by=entered_by,
                    at=published_at,
                    comment=_("Demo data"),
                )
            else:
                WantedNotice.objects.filter(pk=notice.pk).update(**fields)
            photo = self.photo(
                {"path": item["photo"], "alt": _("Drawn portrait (fictional person)")}
            )
            NoticePhoto.objects.get_or_create(notice=notice, image=photo)
            withdrawn = item.get("withdrawn")
            if withdrawn:
                notice_withdraw(
                    notice=notice,
                    by=approver,
                    decision_number=withdrawn["decision_number"],
                    decision_date=today - dt.timedelta(days=withdrawn["days_ago"]),
                    reason=withdrawn["reason"],
                )

    def channels(self, channels: list[dict]) -> None:
        for position, item in enumerate(channels):
            Channel.objects.update_or_create(
                name=item["name"],
                defaults={
                    "kind": item["kind"],
                    "phone": item.get("phone", ""),
                    "address": item.get("address", ""),
                    "email": item.get("email", ""),
                    "url": item.get("url", ""),
                    "note": item.get("note", ""),
                    "featured": item.get("featured", False),
                    "position": position,
                },
            )

    @transaction.atomic
    def questions(self, police: dict) -> None:
        """Answered questions, and one waiting in the moderation queue."""
        answered_by = User.objects.get(username="bientap")
        for position, name in enumerate(police["topics"]):
            Topic.objects.update_or_create(name=name, defaults={"position": position})
        for item in police["questions"]:
            if Question.objects.filter(question=item["question"]).exists():
                continue
            received = timezone.now() - dt.timedelta(days=item.get("days_ago", 0) + 2)
            question = Question.objects.create(
                topic=Topic.objects.get(name=item["topic"]),
                asker_name=item["asker_name"],
                asker_contact=item.get("asker_contact", ""),
                question=item["question"],
                received_at=received,
            )
            if item.get("waiting"):
                continue
            published_at = timezone.now() - dt.timedelta(days=item["days_ago"])
            Question.objects.filter(pk=question.pk).update(
                title=item["title"],
                public_name=item["public_name"],
                public_question=item["question"],
                answer=item["answer"],
                answer_unit=item["answer_unit"],
                answered_by=answered_by,
                status=Status.PUBLISHED,
                published_at=published_at,
                first_published_at=published_at,
            )
            question.refresh_from_db()
            question.save()  # its slug and search text
            QuestionStep.objects.create(
                question=question,
                action=Action.IMPORT,
                from_status=Status.DRAFT,
                to_status=Status.PUBLISHED,
                by=answered_by,
                at=published_at,
                comment=_("Demo data"),
            )

    @staticmethod
    def dated(record: dict, now: dt.datetime) -> dict:
        when = record.pop("published")
        day = now - dt.timedelta(days=when["days_ago"])
        published_at = day.replace(
            hour=when["hour"], minute=when["minute"], second=0, microsecond=0
        )
        if when["days_ago"] >= 0 and published_at > now:  # "today" but later than now
            published_at = day.replace(second=0, microsecond=0)
        return {**record, "published_at": published_at.isoformat()}

    def link_authors(self, authors: list[dict]) -> None:
        """Demo users who write sign with their own name: the author of that name is
        their byline (made if no article carries it yet)."""
        units = {author["name"]: author["unit"] for author in authors}
        for username, full_name, _role in DEMO_USERS:
            if full_name in units:
                author, _created = Author.objects.get_or_create(
                    name=full_name, unit=units[full_name]
                )
                user = User.objects.get(username=username)
                # A demo seeded before bylines were the users' own linked another name.
                Author.objects.filter(user=user).exclude(pk=author.pk).update(user=None)
                if author.user_id is None:
                    author.user = user
                    author.save(update_fields=["user"])

    def desk(self, work: list[dict]) -> None:
        """The articles in progress, moved through the workflow by the demo users. An
        article that has taken any step since its import is left where it is."""
        for item in work:
            article = Article.objects.filter(source=DEMO_SOURCE, source_id=item["article"]).first()
            if article is None or article.transitions.exclude(action=Action.IMPORT).exists():
                continue
            for step in item["steps"]:
                services.article_transition(
                    article=article,
                    by=User.objects.get(username=step["by"]),
                    action=step["action"],
                    comment=step.get("comment", ""),
                )

    @transaction.atomic
    def photo_story(self, story: dict) -> None:
        article = Article.objects.filter(source=DEMO_SOURCE, source_id=story["article"]).first()
        if article is None:
            return
        for position, item in enumerate(story["photos"]):
            image = self.photo({**item, "credit": story["credit"]}, place=story["place"])
            GalleryItem.objects.update_or_create(
                article=article, image=image, defaults={"position": position}
            )

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
        rank_most_read()

    @transaction.atomic
    def organisation(self, data: dict) -> None:
        """Units (the command, departments, commune stations), leaders with drawn
        portraits, and the introduction pages."""
        for position, item in enumerate(data["units"]):
            item = dict(item)
            parent = item.pop("parent", None)
            Unit.objects.update_or_create(
                name=item.pop("name"),
                defaults={
                    **item,
                    "position": position,
                    "parent": Unit.objects.get(name=parent) if parent else None,
                },
            )
        command = Unit.objects.command()
        for position, item in enumerate(data["leaders"]):
            item = dict(item)
            portrait = item.pop("portrait")
            image = self.photo({"path": portrait, "alt": item["name"]}) if portrait else None
            Leader.objects.update_or_create(
                name=item.pop("name"),
                defaults={**item, "position": position, "portrait": image, "unit": command},
            )
        for item in data["pages"]:
            Page.objects.update_or_create(kind=item["kind"], defaults=item)
        self.stdout.write(
            _("Organisation: %(units)s units, %(leaders)s leaders, %(pages)s pages.")
            % {
                "units": Unit.objects.count(),
                "leaders": Leader.objects.count(),
                "pages": Page.objects.count(),
            }
        )

    def documents(self, *, by: User) -> None:
        """The demo documents through the spreadsheet importer, published, with files."""
        importer = SpreadsheetImporter(by=by, publish=True, files_dir=self.folder / "documents")
        path = self.folder / DOCUMENTS
        report = importer.run(path.read_bytes(), path.name)
        if not report.ok:
            raise CommandError("; ".join(report.lines()))
        self.stdout.write(
            _("Demo documents: %(created)s created, %(updated)s updated, %(skipped)s skipped.")
            % {"created": report.created, "updated": report.updated, "skipped": report.skipped}
        )

    def english(self, data: dict) -> None:
        """English pages, translated by the editor and published by the approver."""
        editor = User.objects.get(username="bientap")
        approver = User.objects.get(username="lanhdao")
        sources = [
            ({"source_page": Page.objects.get(kind=item["source_page"])}, item)
            for item in data["pages"]
        ] + [
            (
                {
                    "source_article": Article.objects.get(
                        source=DEMO_SOURCE, source_id=item["source_article"]
                    )
                },
                item,
            )
            for item in data["news"]
        ]
        for source, item in sources:
            page = EnglishPage.objects.filter(**source).first() or EnglishPage(**source)
            fields = {k: item[k] for k in ("title", "slug", "summary", "body")}
            if (
                page.pk is None
                or page.is_out_of_date()
                or any(getattr(page, k) != v for k, v in fields.items())
            ):
                for key, value in fields.items():
                    setattr(page, key, value)
                english_save(page=page, by=editor, comment=_("demo"))
            if page.status == Status.DRAFT:
                english_transition(page=page, by=editor, action=Action.SUBMIT)
            if page.status == Status.SUBMITTED:
                english_transition(page=page, by=approver, action=Action.APPROVE)
        self.stdout.write(
            _("English pages: %(n)s published.") % {"n": EnglishPage.objects.published().count()}
        )

    def print_logins(self, rows: list[tuple[str, str, str]]) -> None:
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
