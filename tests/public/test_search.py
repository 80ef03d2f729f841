"""Search as readers type it: without diacritics, any case; best match first."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from public.search import Query, highlight, snippet
from tests.factories import make_article

on_postgres = connection.vendor == "postgresql"


def days_ago(n: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=n)


@pytest.fixture
def articles(db, now):
    return {
        "fatherland": make_article(
            title="Sôi nổi phong trào toàn dân bảo vệ An ninh Tổ quốc ở vùng biên",
            sapo="Nhiều mô hình tự quản được nhân rộng.",
            published_at=days_ago(3),
        ),
        "party": make_article(
            title="Học tập nghị quyết của Đảng về xây dựng lực lượng",
            sapo="Cán bộ, chiến sĩ quán triệt các nội dung mới.",
            published_at=days_ago(2),
        ),
        "traffic": make_article(
            title="Tuần tra kiểm soát nồng độ cồn trên quốc lộ",
            sapo="Xử lý 37 trường hợp vi phạm.",
            body="<p>Đăng ký xe và đăng kiểm được kiểm tra cùng lúc.</p>",
            published_at=days_ago(1),
        ),
    }


def titles(response) -> list[str]:
    return [a.title for a in response.context["page_obj"].object_list]


def test_without_diacritics_finds_the_accented_words(client, articles):
    response = client.get("/tim-kiem/", {"q": "an ninh to quoc"})
    assert titles(response) == [articles["fatherland"].title]


def test_dang_finds_dang_with_the_d_stroke_but_not_other_words(client, articles):
    response = client.get("/tim-kiem/", {"q": "dang"})
    found = titles(response)
    assert articles["party"].title in found
    assert articles["traffic"].title in found  # "Đăng ký" in the body
    assert articles["fatherland"].title not in found


def test_case_and_accents_typed_any_way(client, articles):
    for q in ["AN NINH TỔ QUỐC", "An Ninh To Quoc", "  an   ninh\ttổ quốc "]:
        assert titles(client.get("/tim-kiem/", {"q": q})) == [articles["fatherland"].title], q


def test_whole_words_only(client, articles):
    # "an" is a word of the first article; "ban" or "quan" must not match it.
    assert titles(client.get("/tim-kiem/", {"q": "ninh to"})) == [articles["fatherland"].title]
    assert titles(client.get("/tim-kiem/", {"q": "quoc lo"})) == [articles["traffic"].title]
    assert titles(client.get("/tim-kiem/", {"q": "uoc"})) == []


def test_title_matches_rank_above_body_matches_and_newer_breaks_ties(client, db, now):
    body_only = make_article(
        title="Tổng kết công tác năm",
        body="<p>Trong năm, lực lượng phòng cháy chữa cháy đã diễn tập nhiều lần.</p>",
        published_at=days_ago(1),
    )
    old_title = make_article(
        title="Diễn tập phòng cháy chữa cháy tại chợ", published_at=days_ago(30)
    )
    new_title = make_article(
        title="Diễn tập phòng cháy chữa cháy tại trường", published_at=days_ago(2)
    )
    found = titles(client.get("/tim-kiem/", {"q": "phong chay chua chay"}))
    assert found == [new_title.title, old_title.title, body_only.title]


def test_matched_words_are_highlighted_in_the_snippet(client, articles):
    html = client.get("/tim-kiem/", {"q": "dang"}).content.decode()
    assert "<mark>Đăng</mark> ký xe và <mark>đăng</mark> kiểm" in html
    # Words typed together are marked where they occur together, as one mark.
    html = client.get("/tim-kiem/", {"q": "dang ky"}).content.decode()
    assert "<mark>Đăng ký</mark> xe và đăng kiểm" in html


def test_a_phrase_is_one_mark():
    snippet = highlight("Lực lượng Công an xã tuần tra", Query.parse("cong an"))
    assert snippet == "Lực lượng <mark>Công an</mark> xã tuần tra"


def test_a_snippet_quotes_a_paragraph_not_the_headings_and_captions_around_it(db):
    article = make_article(
        sapo="Tin ngắn về hội nghị.",
        body=(
            "<h2>Triển khai kế hoạch</h2><p>Hội nghị triển khai kế hoạch tuần tra ban đêm.</p>"
            "<figure><img src='/media/x.jpg' alt=''><figcaption>Quang cảnh hội nghị</figcaption>"
            "</figure><p>Các tổ tuần tra hoạt động xuyên đêm tại các xã.</p>"
        ),
    )
    text = str(snippet(article, Query.parse("tuan tra")))
    assert text == "Hội nghị triển khai kế hoạch <mark>tuần tra</mark> ban đêm."
    assert "Triển khai kế hoạch Hội nghị" not in str(snippet(article, Query.parse("hoi nghi")))
    caption_only = str(snippet(article, Query.parse("quang canh")))
    assert "Quang cảnh" not in caption_only  # a caption is not quoted: the sapo stands in


def test_highlight_escapes_html_and_trims_around_the_match():
    text = "<b>Mở đầu</b> " + "chữ " * 100 + "Đảng bộ Công an tỉnh & nhân dân"
    snippet = highlight(text, Query.parse("dang"), length=120)
    assert "<mark>Đảng</mark>" in snippet
    assert "&amp;" in snippet and "<b>" not in snippet
    assert snippet.startswith("… ")


def test_results_are_paginated(client, db, now):
    for i in range(25):
        make_article(title=f"Cảnh báo lừa đảo qua mạng số {i}", published_at=days_ago(i))
    first = client.get("/tim-kiem/", {"q": "lua dao"})
    assert len(titles(first)) == 10
    html = first.content.decode()
    assert "25 bài viết cho “lua dao”" in html
    assert 'href="/tim-kiem/?q=lua+dao&amp;page=2"' in html
    third = client.get("/tim-kiem/", {"q": "lua dao", "page": 3})
    assert len(titles(third)) == 5
    assert client.get("/tim-kiem/", {"q": "lua dao", "page": 4}).status_code == 404


def test_empty_query_shows_the_hint(client, articles):
    html = client.get("/tim-kiem/").content.decode()
    assert "“an ninh to quoc” tìm được “An ninh Tổ quốc”" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_no_result_says_so_and_offers_the_sections(client, articles):
    response = client.get("/tim-kiem/", {"q": "khong co gi ca"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không có bài viết nào khớp với “khong co gi ca”." in html


def test_search_syntax_characters_are_only_text(client, articles):
    for q in ["an & ninh | !", "'); DROP TABLE", ":*", "(", "<script>"]:
        response = client.get("/tim-kiem/", {"q": q})
        assert response.status_code == 200, q
        assert "<script>" not in response.content.decode().split("</header>")[1]


@pytest.mark.skipif(not on_postgres, reason="PostgreSQL full-text search")
def test_postgres_uses_unaccent_and_the_gin_index(articles):
    from articles.models import Article
    from public.search import search

    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'unaccent'")
        assert cursor.fetchone() == ("unaccent",)
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_idx'")
        assert "USING gin" in cursor.fetchone()[0]
        # A handful of rows: tell the planner that scanning the table (or a whole other
        # index) is not an option, as it would not be on a big table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    # The match itself (without the status filter, which has its own index) uses the GIN
    # index: the query's expression is exactly the indexed one.
    plan = search(Query.parse("an ninh to quoc"), base=Article.objects.all()).matches.explain()
    assert "article_search_idx" in plan


@pytest.mark.django_db
def test_only_the_newest_matches_are_ranked(client, monkeypatch, now):
    import public.search

    monkeypatch.setattr(public.search, "CANDIDATES", 3)
    for hours in range(1, 6):
        make_article(
            title=f"Diễn tập phòng cháy số {hours}",
            published_at=timezone.now() - dt.timedelta(hours=hours),
        )
    response = client.get("/tim-kiem/", {"q": "dien tap phong chay"})
    shown = sorted(a.title[-1] for a in response.context["page_obj"].object_list)
    assert shown == ["1", "2", "3"]
    assert "3 bài viết" in response.content.decode()


@pytest.mark.django_db
def test_a_corrected_article_is_found_by_its_new_words(client, now):
    article = make_article(title="Bài về giao thông")
    article.body = "<p>Tuyên truyền phòng chống lừa đảo qua mạng.</p>"
    article.save()
    assert article.title in client.get("/tim-kiem/", {"q": "lua dao qua mang"}).content.decode()
