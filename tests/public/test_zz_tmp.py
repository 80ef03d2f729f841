import pytest
from tests.factories import make_article, make_section, make_author
from articles.models import Tag


@pytest.mark.django_db
def test_show(client, now):
    sec = make_section("An ninh trật tự")
    t = Tag.objects.create(name="Ma túy", slug="ma-tuy")
    a = make_article(title="Tuần tra đêm", section=sec, tags=[t])
    b = make_article(title="Bài khác", section=make_section("Giao thông"))
    for url in [
        "/",
        a.get_absolute_url(),
        sec.get_absolute_url(),
        "/the/ma-tuy/",
        "/tim-kiem/?q=tuần+tra",
        "/rss/",
        "/chuyen-muc/%s/rss/" % sec.slug,
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/api/v1/articles",
        "/api/v1/articles/%d" % a.pk,
        "/feed.json",
        "/khong-co/",
        a.get_absolute_url(),
    ]:
        r = client.get(url)
        print(
            url,
            r.status_code,
            r.get("Cache-Control"),
            "|",
            r.get("Cache-Tag"),
            "|",
            r.get("xkey"),
            r.get("Surrogate-Key") == (r.get("Cache-Tag") or "").replace(",", " ")
            if r.get("Cache-Tag")
            else None,
        )
    print(a.pk, b.pk)
