"""Fill the database with a newspaper's archive for load tests: ``--articles 100000``.

Bulk inserts in batches (one transaction each), text drawn from a Vietnamese word list,
the demo's photos shared by every article (put once through the image library, so
renditions exist). Sections are the demo's; tags, authors and campaigns are generated.
Meant for an empty database made for benchmarks (bench/), never for the real site.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from articles.body import plain_text
from articles.models import Article, Author, BodyImage, Byline, Campaign, Section, Tag
from demo.data import DEMO_PHOTOS, load_site
from photos.models import Image
from photos.renditions import widths_of
from photos.services import add_image
from public.models import DailyViews
from public.pageviews import rank_most_read
from vietnamese.slugs import unique_slug
from vietnamese.text import search_document

SOURCE = "load"

# Words of police news, written for this generator; drawn at random they read like the
# real thing to a tokenizer and a ranking function (not to a reader).
WORDS = """
công an tỉnh xã phường đặc khu lực lượng cán bộ chiến sĩ nhân dân an ninh trật tự
an toàn giao thông tuần tra kiểm soát xử lý vi phạm phòng chống tội phạm ma túy cháy nổ
cứu nạn cứu hộ điều tra khởi tố bắt giữ đối tượng vụ án tài sản lừa đảo mạng xã hội
chuyển đổi số dịch vụ công trực tuyến căn cước định danh điện tử cư trú hộ khẩu thủ tục
hành chính tiếp nhận hồ sơ giải quyết kịp thời hiệu quả phong trào toàn dân bảo vệ tổ quốc
thi đua khen thưởng tập thể cá nhân thành tích xuất sắc năm tháng tuần ngày đêm sáng chiều
tổ chức hội nghị tổng kết triển khai nhiệm vụ kế hoạch chỉ đạo lãnh đạo đồng chí giám đốc
phó trưởng phòng đội trạch trưởng người dân doanh nghiệp trường học khu dân cư thôn bản
tuyên truyền phổ biến pháp luật nâng cao nhận thức ý thức chấp hành quy định nghiêm túc
tăng cường phối hợp chặt chẽ các đơn vị địa phương ban ngành đoàn thể mặt trận tổ quốc
cao điểm tấn công trấn áp dịp tết nguyên đán lễ hội mùa mưa bão lũ sạt lở cứu trợ
đường quốc lộ tỉnh lộ cầu bến phà xe máy ô tô tải khách tốc độ nồng độ cồn mũ bảo hiểm
camera giám sát phát hiện ngăn chặn kịp thời nguy cơ tiềm ẩn mất an toàn thiệt hại
biểu dương gương người tốt việc tốt dũng cảm quên mình cứu người đuối nước hỏa hoạn
diễn tập phương án chữa cháy thoát nạn trang thiết bị phương tiện hiện đại chuyên nghiệp
""".split()
PLACES = [
    "Phú Lương", "Yên Ninh", "Sông Lam", "Đồng Hỷ", "Đại Từ", "Võ Nhai", "Định Hóa",
    "Phổ Yên", "Tân Cương", "Hóa Thượng", "La Hiên", "Quân Chu", "Bình Yên", "Hợp Thành",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Tâm", "Yến"]


class Command(BaseCommand):
    help = "Fill an empty database with generated articles for load tests (bench/)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--images", type=int, default=24)
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, articles: int, images: int, batch: int, seed: int, **options):
        if Article.objects.exclude(source=SOURCE).exists():
            raise CommandError("This database has real articles: use an empty one.")
        self.random = random.Random(seed)
        started = time.monotonic()
        self.sections = self.make_sections()
        self.tags = self.make_named(Tag, [f"xã {p} {i}" for i in range(20) for p in PLACES][:250])
        self.authors = self.make_authors(80)
        self.campaigns = self.make_campaigns(12)
        self.images = self.make_images(images)
        now = timezone.now()
        done = Article.objects.filter(source=SOURCE).count()
        while done < articles:
            n = min(batch, articles - done)
            self.insert_batch(done, n, now, total=articles)
            done += n
            self.stdout.write(f"{done} articles ({time.monotonic() - started:.0f} s)")
        self.daily_views(now)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE")  # planner statistics for the new rows
            else:
                cursor.execute("ANALYZE")
        self.stdout.write(f"Done: {done} articles in {time.monotonic() - started:.0f} s.")

    # Reference data --------------------------------------------------------------

    def make_sections(self) -> list[Section]:
        by_name = {}
        for item in load_site()["sections"]:
            section, _ = Section.objects.get_or_create(
                name=item["name"],
                defaults={"parent": by_name.get(item["parent"]), "description": ""},
            )
            by_name[item["name"]] = section
        return list(by_name.values())

    def make_named(self, model, names: list[str]) -> list:
        existing = set(model.objects.values_list("name", flat=True))
        new = [model(name=n, slug=unique_slug(n, exists=lambda s: False)) for n in names]
        model.objects.bulk_create([o for o in new if o.name not in existing])
        return list(model.objects.filter(name__in=names))

    def make_authors(self, n: int) -> list[Author]:
        r = self.random
        for i in range(n):
            name = f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"
            unit = f"Công an xã {PLACES[i % len(PLACES)]}"
            Author.objects.get_or_create(name=name, unit=unit)
        return list(Author.objects.all())

    def make_campaigns(self, n: int) -> list[Campaign]:
        today = timezone.localdate()
        for i in range(n):
            Campaign.objects.get_or_create(
                name=f"Phong trào thi đua số {i + 1}",
                defaults={
                    "slogan": "Vì an ninh Tổ quốc",
                    "starts_on": today - dt.timedelta(days=400 * i + 30),
                    "ends_on": None if i % 3 == 0 else today + dt.timedelta(days=90 - 200 * i),
                },
            )
        return list(Campaign.objects.all())

    def make_images(self, n: int) -> list[Image]:
        made = list(Image.objects.filter(original_filename__startswith="load-")[:n])
        files = sorted(DEMO_PHOTOS.glob("*.jpg"))
        for i in range(len(made), n):
            with files[i % len(files)].open("rb") as photo:
                image, _ = add_image(
                    photo,
                    original_name=f"load-{i}.jpg",
                    caption=self.sentence(10).rstrip("."),
                    credit=f"Ảnh: {self.random.choice(SURNAMES)} {self.random.choice(GIVEN)}",
                )
            made.append(image)
        return made

    # Text ------------------------------------------------------------------------

    def sentence(self, n: int) -> str:
        words = self.random.choices(WORDS, k=n)
        if self.random.random() < 0.4:
            words.insert(self.random.randrange(len(words)), self.random.choice(PLACES))
        return " ".join(words).capitalize() + "."

    def body(self) -> tuple[str, Image | None]:
        r = self.random
        paragraphs = [
            "<p>" + " ".join(self.sentence(r.randint(12, 24)) for _ in range(r.randint(2, 4)))
            for _ in range(r.randint(4, 8))
        ]
        paragraphs = [p + "</p>" for p in paragraphs]
        photo = None
        if r.random() < 0.25:
            photo = r.choice(self.images)
            paragraphs.insert(
                2,
                f'<figure class="image"><img src="{photo.file.url}" alt="{photo.caption}" '
                f'width="{photo.width}" height="{photo.height}" data-image-id="{photo.pk}" '
                f'data-widths="{" ".join(map(str, widths_of(photo)))}">'
                f"<figcaption>{photo.caption}</figcaption></figure>",
            )
        return "".join(paragraphs), photo

    # Articles --------------------------------------------------------------------

    def insert_batch(self, start: int, n: int, now: dt.datetime, *, total: int) -> None:
        r = self.random
        span = 5 * 365 * 86400  # five years of news
        rows, extras = [], []
        for i in range(start, start + n):
            title = self.sentence(r.randint(9, 16)).rstrip(".")
            sapo = " ".join(self.sentence(r.randint(15, 25)) for _ in range(2))
            body, photo = self.body()
            # Oldest first, as a newsroom writes them (ids grow with time); the last is newest.
            age = (total - 1 - i + r.random()) * span / 100_000 + 60
            published_at = now - dt.timedelta(seconds=age)
            status = Article.Status.PUBLISHED
            if r.random() < 0.03:
                status = r.choice([Article.Status.DRAFT, Article.Status.SUBMITTED])
            rows.append(
                Article(
                    title=title,
                    slug=f"{unique_slug(title, exists=lambda s: False, max_length=200)}-{i}",
                    sapo=sapo,
                    body=body,
                    cover=r.choice(self.images) if r.random() < 0.8 else None,
                    section=r.choice(self.sections),
                    status=status,
                    published_at=published_at,
                    first_published_at=published_at,
                    featured=r.random() < 0.02,
                    search_text=search_document(title, sapo, plain_text(body)),
                    word_count=len(plain_text(body).split()),
                    source=SOURCE,
                    source_id=str(i),
                )
            )
            extras.append(photo)
        with transaction.atomic():
            created = Article.objects.bulk_create(rows)
            if connection.vendor != "postgresql":  # no RETURNING ids before SQLite 3.35
                ids = dict(
                    Article.objects.filter(
                        source=SOURCE, source_id__in=[a.source_id for a in rows]
                    ).values_list("source_id", "pk")
                )
                for article in created:
                    article.pk = ids[article.source_id]
            bylines, tags, campaigns, body_images = [], [], [], []
            tag_model, campaign_model = Article.tags.through, Article.campaigns.through
            for article, photo in zip(created, extras, strict=True):
                for position, author in enumerate(r.sample(self.authors, r.choice([1, 1, 1, 2]))):
                    bylines.append(Byline(article_id=article.pk, author=author, position=position))
                for tag in r.sample(self.tags, r.randint(1, 4)):
                    tags.append(tag_model(article_id=article.pk, tag_id=tag.pk))
                if r.random() < 0.3:
                    campaign = r.choice(self.campaigns)
                    campaigns.append(campaign_model(article_id=article.pk, campaign_id=campaign.pk))
                if photo is not None:
                    body_images.append(BodyImage(article_id=article.pk, image=photo))
            Byline.objects.bulk_create(bylines)
            tag_model.objects.bulk_create(tags)
            campaign_model.objects.bulk_create(campaigns)
            BodyImage.objects.bulk_create(body_images)

    def daily_views(self, now: dt.datetime) -> None:
        """A week of views on the newest 3.000 articles, so that "most read" has work to do."""
        r = self.random
        today = timezone.localdate(now)
        recent = list(
            Article.objects.published()
            .filter(source=SOURCE)
            .order_by("-published_at")
            .values_list("pk", flat=True)[:3000]
        )
        DailyViews.objects.filter(article_id__in=recent).delete()
        DailyViews.objects.bulk_create(
            DailyViews(article_id=pk, day=today - dt.timedelta(days=d), views=r.randint(1, 5000))
            for pk in recent
            for d in range(7)
            if r.random() < 0.5
        )
        rank_most_read()
