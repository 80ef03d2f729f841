"""Build the POST data of the article admin form, as a browser would send it."""

from django.utils import timezone

from articles.models import Article


def article_form_data(article: Article | None = None, **overrides) -> dict:
    data: dict = {
        "title": "",
        "slug": "",
        "sapo": "",
        "body": "",
        "cover": "",
        "section": "",
        "tags": [],
        "campaigns": [],
        "kind": "news",
        "methods": [],
        "warning_signs": "",
        "warning_advice": "",
        "published_at_0": "",
        "published_at_1": "",
        "edit_version": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "gallery_items-TOTAL_FORMS": "0",
        "gallery_items-INITIAL_FORMS": "0",
        "gallery_items-MIN_NUM_FORMS": "0",
        "gallery_items-MAX_NUM_FORMS": "1000",
    }
    if article is not None:
        data.update(
            title=article.title,
            slug=article.slug,
            sapo=article.sapo,
            body=article.body,
            cover=article.cover_id or "",
            section=article.section_id,
            tags=[t.pk for t in article.tags.all()],
            campaigns=[c.pk for c in article.campaigns.all()],
            kind=article.kind,
            methods=[m.pk for m in article.methods.all()],
            warning_signs=article.warning_signs,
            warning_advice=article.warning_advice,
            edit_version=article.lock_version,
        )
        if article.featured:
            data["featured"] = "on"
        if article.published_at:
            local = timezone.localtime(article.published_at)
            data["published_at_0"] = local.strftime("%d/%m/%Y")
            data["published_at_1"] = local.strftime("%H:%M")
        bylines = list(article.bylines.all())
        data["bylines-TOTAL_FORMS"] = str(len(bylines))
        data["bylines-INITIAL_FORMS"] = str(len(bylines))
        for i, byline in enumerate(bylines):
            data[f"bylines-{i}-id"] = byline.pk
            data[f"bylines-{i}-article"] = article.pk
            data[f"bylines-{i}-author"] = byline.author_id
            data[f"bylines-{i}-position"] = byline.position
    data.update(overrides)
    return data


def new_article_data(*, section, author, **overrides) -> dict:
    data = article_form_data(
        title="Công an phường tổ chức tuyên truyền phòng cháy chữa cháy tại chợ trung tâm",
        sapo="Hơn 300 tiểu thương tham gia buổi tuyên truyền.",
        body="<p>Nội dung bài viết.</p>",
        section=section.pk,
    )
    data.update(
        {
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-author": author.pk,
            "bylines-0-position": "0",
        }
    )
    data.update(overrides)
    return data
