import pytest
from django.urls import reverse, set_script_prefix

from articles.models import Tag
from tests.factories import make_article, make_author, make_campaign, make_section
from vietnamese.slugs import slugify_vi


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đoàn Thanh niên đường sáng–xanh", "doan-thanh-nien-duong-sang-xanh"),
        ("Vì an ninh Tổ quốc", "vi-an-ninh-to-quoc"),
        ("ĐẢNG BỘ CÔNG AN TỈNH", "dang-bo-cong-an-tinh"),
        ("Phòng cháy, chữa cháy: “Bốn tại chỗ”", "phong-chay-chua-chay-bon-tai-cho"),
        ("Chuyển đổi số/Đề án 06", "chuyen-doi-so-de-an-06"),
    ],
)
def test_slugs_transliterate_vietnamese(text, slug):
    assert slugify_vi(text) == slug


def test_article_slug_is_made_from_the_title(db):
    article = make_article(title="Đoàn Thanh niên đường sáng–xanh")
    assert article.slug == "doan-thanh-nien-duong-sang-xanh"
    assert article.get_absolute_url() == "/bai-viet/doan-thanh-nien-duong-sang-xanh/"


def test_equal_titles_get_distinct_slugs(db):
    first = make_article(title="Tuần tra kiểm soát dịp Tết")
    second = make_article(title="Tuần tra kiểm soát dịp Tết")
    assert (first.slug, second.slug) == (
        "tuan-tra-kiem-soat-dip-tet",
        "tuan-tra-kiem-soat-dip-tet-2",
    )


def test_slug_stays_when_the_title_changes_after_publication(db):
    article = make_article(title="Bắt giữ đối tượng trộm cắp tài sản")
    article.title = "Bắt giữ nhanh đối tượng trộm cắp tài sản tại chợ huyện"
    article.save()
    article.refresh_from_db()
    assert article.slug == "bat-giu-doi-tuong-trom-cap-tai-san"


def test_sections_and_authors_get_vietnamese_slugs(db):
    assert make_section("Phòng cháy chữa cháy").slug == "phong-chay-chua-chay"
    author = make_author("Đặng Thu Hà", "Công an huyện Đại Từ")
    assert author.slug == "dang-thu-ha-cong-an-huyen-dai-tu"


def test_addresses_are_what_reverse_gives_under_any_script_prefix(db):
    article = make_article(title="Đảm bảo an ninh lễ hội đền Đô")
    named = {
        "public:article": article,
        "public:section": make_section("Phòng cháy, chữa cháy"),
        "public:tag": Tag.objects.create(name="Đường dây nóng"),
        "public:author": make_author("Đặng Thu Hà", "Phòng Tham mưu"),
        "public:campaign": make_campaign("Vì an ninh Tổ quốc"),
    }
    try:
        for prefix in ["/", "/congan/"]:  # served under a sub-path (SCRIPT_NAME)
            set_script_prefix(prefix)
            for name, thing in named.items():
                expected = reverse(name, kwargs={"slug": thing.slug})
                assert thing.get_absolute_url() == expected
                assert expected.startswith(prefix)
    finally:
        set_script_prefix("/")
