"""Crime warnings: an article kind with its methods, on their own pages, on the home page,
on the article page with their signs and advice, and with a share image from the title."""

import io

import pytest
from PIL import Image as PILImage

from articles.models import Article, Method
from public.share_images import runs, warning_card
from public.views import home
from tests.factories import make_article, make_warning

pytestmark = pytest.mark.django_db


def test_warnings_have_a_page_and_one_per_method(client):
    warning = make_warning(methods=["Giả danh công an"])
    other = make_warning(title="Cảnh giác với tín dụng đen qua ứng dụng", methods=["Tín dụng đen"])
    news = make_article(title="Tin thường không phải cảnh báo")
    text = client.get("/canh-bao/").content.decode()
    assert warning.title in text and other.title in text and news.title not in text
    assert "Cảnh báo tội phạm" in text and "Thủ đoạn phạm tội" in text
    method = Method.objects.get(name="Tín dụng đen")
    by_method = client.get(method.get_absolute_url()).content.decode()
    assert other.title in by_method and warning.title not in by_method
    assert "Cảnh báo: Tín dụng đen" in by_method
    assert client.get("/canh-bao/thu-doan/khong-co/").status_code == 404
    feed = client.get("/canh-bao/rss/").content.decode()
    assert warning.title in feed and news.title not in feed


def test_the_latest_warnings_are_on_the_home_page(client):
    warning = make_warning()
    make_article(title="Tin mới nhất không phải cảnh báo")
    draft = make_warning(
        title="Cảnh báo chưa duyệt", status=Article.Status.DRAFT, published_at=None
    )
    text = client.get("/").content.decode()
    block = text.split('class="warnings-strip"')[1].split("</section>")[0]
    assert warning.title in block and draft.title not in block
    assert "Tin mới nhất không phải cảnh báo" not in block


def test_an_older_warning_stays_on_the_home_page_when_much_news_came_after_it(client, monkeypatch):
    monkeypatch.setattr(home, "RECENT", 3)  # the home page chooses among the 3 newest
    older = make_warning(title="Cảnh báo thủ đoạn giả danh nhân viên điện lực")
    for i in range(4):
        make_article(title=f"Tin an ninh số {i}")
    text = client.get("/").content.decode()
    block = text.split('class="warnings-strip"')[1].split("</section>")[0]
    assert older.title in block


def test_a_warning_page_shows_its_methods_signs_and_advice(client):
    warning = make_warning(warning_signs="Người gọi xưng là công an\n- Yêu cầu chuyển tiền")
    text = client.get(warning.get_absolute_url()).content.decode()
    box = text.split('class="warning-box"')[1].split("</aside>")[0]
    assert "Dấu hiệu nhận biết" in box and "<li>Yêu cầu chuyển tiền</li>" in box
    assert "Cần làm gì" in box and "<li>Gọi 113</li>" in box
    assert 'href="/canh-bao/thu-doan/gia-danh-cong-an/"' in box
    assert "warning-box" not in client.get(make_article().get_absolute_url()).content.decode()


def test_a_warning_shares_an_image_drawn_from_its_title(client):
    warning = make_warning()
    text = client.get(warning.get_absolute_url()).content.decode()
    image_url = f"/bai-viet/{warning.slug}/anh-chia-se.png"
    assert f'property="og:image" content="http://127.0.0.1:8000{image_url}?v=' in text
    assert 'name="twitter:card" content="summary_large_image"' in text
    response = client.get(image_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    picture = PILImage.open(io.BytesIO(response.content))
    assert picture.size == (1200, 630)
    news = make_article()
    assert client.get(f"/bai-viet/{news.slug}/anh-chia-se.png").status_code == 404


def test_the_share_image_draws_vietnamese_from_both_font_subsets():
    assert [subset for subset, _text in runs("Cảnh báo")] == ["latin", "vietnamese", "latin"]
    png = warning_card("Lừa đảo “việc nhẹ lương cao” qua mạng", label="CẢNH BÁO", site="Sông Lam")
    assert PILImage.open(io.BytesIO(png)).size == (1200, 630)
    long_title = "Cảnh giác " * 60
    assert PILImage.open(io.BytesIO(warning_card(long_title, label="CẢNH BÁO"))).size == (
        1200,
        630,
    )
