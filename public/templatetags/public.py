"""Template helpers of the public site: cards, structured data, absolute addresses."""

from __future__ import annotations

import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from articles.models import Article
from photos.renditions import social_image_url
from public import addresses

register = template.Library()

# Characters that could end a <script> element early, escaped as in Django's json_script.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/article_card.html", takes_context=True)
def card(
    context,
    article: Article,
    size: str = "",
    level: int = 3,
    show_sapo: bool = False,
    show_section: bool = False,
    no_image: bool = False,
    no_time: bool = False,
    eager: bool = False,
) -> dict:
    """``{% card article size="row" show_sapo=True %}``: an article's card, every option
    given (a name missing from a template's context costs an exception to look up)."""
    return {
        "request": context.get("request"),
        "article": article,
        "size": size,
        "level": str(level),  # text: a number would be localised on every use
        "show_sapo": show_sapo,
        "show_section": show_section,
        "no_image": no_image,
        "no_time": no_time,
        "eager": eager,
    }


@register.filter
def absolute(path: str) -> str:
    """``/bai-viet/x/`` → ``https://congan.example.vn/bai-viet/x/`` (from SITE_URL)."""
    return addresses.absolute(path)


@register.filter
def urlquote(value: str) -> str:
    return quote(str(value), safe="")


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    """<script type="application/ld+json"> with the JSON escaped for an HTML script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(text.translate(_JSON_SCRIPT_ESCAPES)),
    )


@register.simple_tag
def article_structured_data(article: Article) -> dict:
    """schema.org NewsArticle for ``article`` (times with the +07:00 offset)."""
    publisher = {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static(settings.SITE_LOGO)),
            "width": 512,
            "height": 512,
        },
    }
    # A preview of a draft has no publication time yet.
    published = article.published_at or article.updated_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": absolute(article.get_absolute_url())},
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
                "url": absolute(author.get_absolute_url()),
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


@register.simple_tag(takes_context=True)
def page_href(context, number: int, absolute_url: bool = False) -> str:
    """Address of page ``number`` of the current list, keeping the search query."""
    request = context["request"]
    return addresses.page_url(
        request.path, int(number), query=context.get("page_query", ""), absolute_url=absolute_url
    )
