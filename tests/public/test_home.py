"""The home page: headline, featured, latest, section blocks, campaigns, most read."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from public import pageviews
from public.models import DailyViews
from tests.factories import make_article, make_campaign, make_image, make_section


@pytest.fixture
def sections(db):
    parent = make_section("An ninh trật tự", position=1)
    return {
        "security": parent,
        "traffic": make_section("Trật tự an toàn giao thông", position=2),
        "cyber": make_section("Phòng chống tội phạm mạng", parent=parent, position=3),
    }


def hours_ago(n: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=n)


def test_headline_is_the_newest_featured_story_with_its_sapo(client, sections, now):
    make_article(title="Tin mới nhất không nổi bật", published_at=hours_ago(1))
    headline = make_article(
        title="Ra quân đợt cao điểm tấn công trấn áp tội phạm",
        sapo="Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân.",
        featured=True,
        published_at=hours_ago(2),
    )
    html = client.get("/").content.decode()
    top = html.split('class="top-stories__lead"')[1].split('class="top-stories__featured"')[0]
    assert headline.title in top
    assert "Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân." in top


def test_only_the_headline_photo_loads_first_the_others_when_scrolled_to(client, sections, now):
    make_article(title="Bài nổi bật", featured=True, cover=make_image(), published_at=hours_ago(1))
    for i in range(3):
        make_article(title=f"Tin có ảnh {i}", cover=make_image(), published_at=hours_ago(2 + i))
    html = client.get("/").content.decode()
    photos = re.findall(r"<img [^>]*>", html.split('class="top-stories__lead"')[1])
    headline, others = photos[0], photos[1:]
    assert 'fetchpriority="high"' in headline and 'loading="lazy"' not in headline
    assert others and all('loading="lazy"' in img and "fetchpriority" not in img for img in others)


def test_four_to_six_featured_stories_fill_up_on_a_slow_day(client, sections, now):
    make_article(title="Bài nổi bật duy nhất trong ngày", featured=True, published_at=hours_ago(1))
    for i in range(8):
        make_article(title=f"Tin thường số {i}", published_at=hours_ago(2 + i))
    response = client.get("/")
    assert len(response.context["stories"].featured) == 4
    for i in range(10):
        make_article(title=f"Tin nổi bật số {i}", featured=True, published_at=hours_ago(0.5))
    response = client.get("/")
    assert len(response.context["stories"].featured) == 5


def test_latest_list_skips_what_is_already_on_top(client, sections, now):
    articles = [make_article(title=f"Tin số {i}", published_at=hours_ago(i + 1)) for i in range(12)]
    context = client.get("/").context
    on_top = {context["stories"].headline.pk, *(a.pk for a in context["stories"].featured)}
    latest = [a.pk for a in context["stories"].latest]
    assert not on_top & set(latest)
    assert latest == [a.pk for a in articles if a.pk not in on_top][:10]


def test_one_block_per_main_section_including_its_subsections(client, sections, now):
    for i in range(20):  # enough to fill the top of the page and the latest list
        make_article(
            title=f"Tin giao thông {i}", section=sections["traffic"], published_at=hours_ago(i)
        )
    cyber = make_article(
        title="Cảnh báo lừa đảo chiếm đoạt tài sản qua mạng",
        section=sections["cyber"],
        published_at=hours_ago(30),
    )
    response = client.get("/")
    blocks = {section.name: articles for section, articles in response.context["section_blocks"]}
    assert list(blocks) == ["An ninh trật tự", "Trật tự an toàn giao thông"]
    assert blocks["An ninh trật tự"] == [cyber]
    assert len(blocks["Trật tự an toàn giao thông"]) <= 4
    assert 'href="/chuyen-muc/phong-chong-toi-pham-mang/"' in response.content.decode()


def test_a_story_appears_once_on_the_home_page(client, sections, now):
    for i in range(30):
        make_article(
            title=f"Tin số {i}",
            section=[sections["security"], sections["traffic"], sections["cyber"]][i % 3],
            featured=i % 5 == 0,
            published_at=hours_ago(i),
        )
    context = client.get("/").context
    stories = context["stories"]
    shown = [stories.headline, *stories.featured, *stories.latest]
    shown += [a for _section, articles in context["section_blocks"] for a in articles]
    assert len(shown) == len({a.pk for a in shown})
    assert context["section_blocks"]  # older stories of each section fill its block


def test_only_active_campaigns_are_in_the_strip(client, sections, now):
    today = timezone.localdate()
    make_campaign("Vì an ninh Tổ quốc", slogan="Toàn dân bảo vệ an ninh")
    make_campaign(
        "Cao điểm đã kết thúc",
        starts_on=today - dt.timedelta(days=90),
        ends_on=today - dt.timedelta(days=1),
    )
    make_campaign("Sắp bắt đầu", starts_on=today + dt.timedelta(days=3))
    make_article()
    strip = client.get("/").content.decode().split('class="campaign-strip"')[1]
    assert "Vì an ninh Tổ quốc" in strip and "Toàn dân bảo vệ an ninh" in strip
    assert "Cao điểm đã kết thúc" not in strip
    assert "Sắp bắt đầu" not in strip


def test_most_read_counts_the_last_seven_days_only(client, sections, now):
    today = timezone.localdate()
    steady = make_article(title="Bài được đọc đều trong tuần")
    old_hit = make_article(title="Bài từng đọc nhiều tháng trước")
    today_hit = make_article(title="Bài đọc nhiều hôm nay")
    for days_ago in range(7):
        DailyViews.objects.create(article=steady, day=today - dt.timedelta(days=days_ago), views=50)
    DailyViews.objects.create(article=old_hit, day=today - dt.timedelta(days=7), views=10_000)
    DailyViews.objects.create(article=today_hit, day=today, views=300)
    pageviews.rank_most_read()
    most_read = client.get("/").context["most_read"]
    assert most_read == [steady, today_hit]  # 350 > 300; the old hit is out of the window
