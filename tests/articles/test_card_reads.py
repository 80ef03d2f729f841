"""The article page and the cards of every list read their rows with statements written
once (``articles/querysets.py``): they must give readers what the ORM would have."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.context_processors import navigation
from articles.models import Article, GalleryItem
from articles.pagecache import VersionedParts, parts
from articles.querysets import article_page, body_images, cards, gallery_items
from tests.factories import make_article, make_image, make_section


@pytest.fixture
def subsection(db):
    return make_section("Phòng chống ma túy", parent=make_section("An ninh trật tự"))


def test_cards_are_what_the_orm_reads_in_the_order_asked(
    subsection, now, django_assert_num_queries
):
    photo = make_image(caption="Lực lượng tuần tra", alt_text="Tổ tuần tra trên đê")
    with_photo = make_article(title="Bắt giữ đối tượng vận chuyển ma túy", cover=photo)
    without = make_article(title="Họp báo cuối năm", section=subsection)
    with django_assert_num_queries(1):
        found = cards([without.pk, 999_999, with_photo.pk])
        # What a card shows is already there: no query per card.
        shown = [(a.title, a.section.name, a.cover and a.cover.alt_text) for a in found]
    assert shown == [
        ("Họp báo cuối năm", "Phòng chống ma túy", None),
        ("Bắt giữ đối tượng vận chuyển ma túy", with_photo.section.name, "Tổ tuần tra trên đê"),
    ]
    by_orm = {a.pk: a for a in Article.objects.filter(pk__in=[with_photo.pk]).for_cards()}
    card = found[1]
    assert card.published_at == by_orm[with_photo.pk].published_at
    assert card.published_at.tzinfo is not None  # aware, as the ORM gives it (SQLite too)
    assert card.cover.renditions == by_orm[with_photo.pk].cover.renditions
    assert card.get_absolute_url() == with_photo.get_absolute_url()


def test_the_article_page_read_brings_section_parent_cover_and_gallery(
    subsection, now, django_assert_num_queries
):
    photo = make_image(caption="Hiện trường vụ việc")
    story = make_article(
        title="Phá chuyên án ma túy lớn", section=subsection, cover=photo, body="<p>Chi tiết.</p>"
    )
    GalleryItem.objects.create(article=story, image=photo, position=0)
    plain = make_article(title="Tin ngắn", section=subsection.parent)
    with django_assert_num_queries(2):
        read = article_page(story.slug)
        other = article_page(plain.slug)
        shown = [
            (read.body, read.section.parent.name, read.cover.caption, read.has_gallery),
            (other.section.parent, other.cover, other.has_gallery),
        ]
    assert shown == [
        ("<p>Chi tiết.</p>", "An ninh trật tự", "Hiện trường vụ việc", True),
        (None, None, False),
    ]
    plain.status = Article.Status.UNPUBLISHED
    plain.save()
    assert article_page(plain.slug) is None


def test_a_readers_parts_reach_redis_once_the_response_has_gone():
    held = VersionedParts()
    held.store_after_response()
    held.set("fragment:v1:home", "<main>…</main>", 60)
    assert held.get("fragment:v1:home") == "<main>…</main>"  # this worker has it already
    assert cache.get("fragment:v1:home") is None
    held.flush()
    assert cache.get("fragment:v1:home") == "<main>…</main>"


def test_a_list_fetches_its_cards_together_however_many(
    client, subsection, now, settings, cache_trips
):
    """A list rendered afresh asks Redis for all its cards at once, and stores them at once."""
    settings.PAGE_CACHE_SECONDS = 0

    def cold_page_trips(articles: int) -> int:
        parts.clear()  # a saved article gave a new content version; this worker forgets too
        navigation()  # the menu (cached until a section changes) is not what is counted
        cache_trips.clear()
        page = client.get(subsection.get_absolute_url()).content.decode()
        assert page.count('<article class="card') == articles
        return len(cache_trips)

    for i in range(3):
        make_article(title=f"Tin an ninh số {i}", section=subsection)
    few = cold_page_trips(3)
    for i in range(3, 15):
        make_article(title=f"Tin an ninh số {i}", section=subsection)
    assert cold_page_trips(15) == few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
@pytest.mark.django_db(transaction=True)  # committed: a new connection sees the article
def test_the_article_page_statements_are_planned_once_per_connection(subsection, now, settings):
    story = make_article(title="Phá đường dây đánh bạc qua mạng", section=subsection)

    def statements() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            assert article_page(story.slug).title == story.title
        return [q["sql"].split()[0] for q in captured.captured_queries]

    connection.close()
    assert statements() == ["SET"]  # the first on a connection: SET; PREPARE; EXECUTE
    assert statements() == ["EXECUTE"]
    connection.close()  # a new connection has none prepared: prepared again
    assert statements() == ["SET"]
    assert statements() == ["EXECUTE"]
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # the session forgets them (as DISCARD ALL does)
    assert statements() == ["EXECUTE", "SET"]  # refused, then prepared again at once
    assert statements() == ["EXECUTE"]
    settings.DATABASE_PREPARED_STATEMENTS = False  # behind a pooler that shares sessions
    assert statements() == ["SELECT"]


def test_the_photos_of_a_body_are_what_the_orm_reads(db, django_assert_num_queries):
    first, second = make_image(caption="Hiện trường"), make_image(caption="Tang vật thu giữ")
    story = make_article(
        title="Triệt phá ổ nhóm trộm cắp xe máy",
        body="".join(
            f'<figure class="image"><img src="{photo.file.url}" alt="" data-image-id="{photo.pk}">'
            f"<figcaption>{photo.caption}</figcaption></figure>"
            for photo in (first, second)
        ),
    )
    make_article(title="Bài khác cùng ảnh", body=story.body)
    with django_assert_num_queries(1):
        found = {image.pk: image for image in body_images(story.pk)}
    by_orm = {image.pk: image for image in story.body_images.all()}
    assert found.keys() == by_orm.keys() == {first.pk, second.pk}
    assert found[first.pk].renditions == by_orm[first.pk].renditions
    assert found[second.pk].caption == "Tang vật thu giữ"


def test_a_photo_story_is_read_in_its_order_with_its_photos(db, django_assert_num_queries):
    story = make_article(title="Một ngày cùng cảnh sát cơ động")
    photos = [make_image(caption=f"Ảnh {n}") for n in range(3)]
    for position, photo in zip([2, 0, 1], photos, strict=True):
        caption = "Huấn luyện võ thuật" if position == 0 else ""
        GalleryItem.objects.create(article=story, image=photo, position=position, caption=caption)
    with django_assert_num_queries(1):
        items = gallery_items(story.pk)
        shown = [(item.shown_caption, item.image.renditions) for item in items]
    by_orm = list(story.gallery_items.select_related("image"))
    assert [item.pk for item in items] == [item.pk for item in by_orm]
    assert shown[0][0] == "Huấn luyện võ thuật" and shown[1][0] == "Ảnh 2"
    assert [renditions for _, renditions in shown] == [i.image.renditions for i in by_orm]
