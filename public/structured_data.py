"""schema.org data for share cards and search engines (JSON-LD)."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

from articles.models import Article
from photos.renditions import social_image_url
from public import addresses


def news_article(article: Article) -> dict:
    """schema.org NewsArticle for ``article`` (times with the +07:00 offset)."""
    publisher = {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": addresses.absolute(static(settings.SITE_LOGO)),
            "width": 512,
            "height": 512,
        },
    }
    # A preview of a draft has no publication time yet.
    published = article.published_at or article.updated_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": addresses.absolute(article.get_absolute_url()),
        },
        "headline": article.title[:110],
        "description": article.sapo,
        "datePublished": timezone.localtime(published).isoformat(),
        "dateModified": timezone.localtime(max(article.updated_at, published)).isoformat(),
        "articleSection": article.section.name,
        "inLanguage": "vi",
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": addresses.absolute(author.get_absolute_url()),
                **(
                    {"affiliation": {"@type": "Organization", "name": author.unit}}
                    if author.unit
                    else {}
                ),
            }
            for author in article.author_list
        ],
        "publisher": publisher,
        "keywords": [t.name for t in article.tags.all()],
    }
    if article.cover and article.cover.file:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": social_image_url(article.cover),
                "width": 1200,
                "height": 630,
                "caption": article.cover.caption,
            }
        ]
    return data
