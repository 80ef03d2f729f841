"""``generate_load_data`` fills an empty database with an archive to benchmark."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, BodyImage, Byline
from photos.models import Image
from public.models import DailyViews
from tests.factories import make_article


@pytest.mark.django_db(transaction=True)
def test_generated_articles_are_complete_and_public(client):
    call_command("generate_load_data", articles=120, images=3, batch=50, verbosity=0)
    assert Article.objects.count() == 120
    assert Image.objects.count() == 3  # photos are shared
    assert Byline.objects.values("article").distinct().count() == 120
    assert BodyImage.objects.exists() and DailyViews.objects.exists()
    published = Article.objects.published().latest_first()
    assert published.count() > 100
    article = published.first()
    assert article.search_text.strip() and article.slug
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert article.title in page.content.decode()
    word = article.search_text.split()[0]
    assert client.get("/tim-kiem/", {"q": word}).status_code == 200


@pytest.mark.django_db
def test_it_refuses_a_database_with_real_articles(now):
    make_article(title="Bài thật")
    with pytest.raises(CommandError):
        call_command("generate_load_data", articles=10, verbosity=0)
