"""The photo story is edited inside the article form, by whoever may edit the article."""

import pytest

from articles.models import GalleryItem
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What the browser would send back: the form's values and every inline's management."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = getattr(value, "pk", value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for index, item in enumerate(formset.initial_forms):
            data[f"{formset.prefix}-{index}-id"] = item.instance.pk
            for name in item.fields:
                value = item.initial.get(name)
                if value is not None:
                    data[f"{formset.prefix}-{index}-{name}"] = getattr(value, "pk", value)
    return {k: v for k, v in data.items() if v != ""}


def test_an_editor_builds_a_photo_story_in_the_article_form(client, editor):
    article = make_article(
        title="Lễ ra quân đợt cao điểm tấn công trấn áp tội phạm cuối năm",
        status="draft",
        published_at=None,
    )
    first, second, third = (make_image(caption=c) for c in ("Một", "Hai", "Ba"))
    client.force_login(editor)
    url = f"/quan-tri/articles/article/{article.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Phóng sự ảnh (bộ ảnh)" in page.content.decode()
    data = form_data(page)
    data.update(
        {
            "gallery_items-TOTAL_FORMS": "3",
            "gallery_items-0-image": second.pk,
            "gallery_items-0-position": "5",
            "gallery_items-1-image": first.pk,
            "gallery_items-1-position": "1",
            "gallery_items-1-caption": "Chú thích riêng cho phóng sự",
            "gallery_items-2-image": third.pk,  # no number: goes after the others
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
        response.context["errors"],
    )
    story = [(i.image.caption, i.shown_caption) for i in article.gallery_items.all()]
    assert story == [("Một", "Chú thích riêng cho phóng sự"), ("Hai", "Hai"), ("Ba", "Ba")]


def test_the_same_photo_twice_in_one_story_is_refused(client, editor):
    article = make_article(status="draft", published_at=None)
    image = make_image()
    client.force_login(editor)
    url = f"/quan-tri/articles/article/{article.pk}/change/"
    data = form_data(client.get(url))
    data.update(
        {
            "gallery_items-TOTAL_FORMS": "2",
            "gallery_items-0-image": image.pk,
            "gallery_items-1-image": image.pk,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    formsets = {i.formset.prefix: i.formset for i in response.context["inline_admin_formsets"]}
    assert "trùng" in " ".join(formsets["gallery_items"].non_form_errors())
    assert GalleryItem.objects.count() == 0


def test_photo_staff_cannot_reach_the_photo_story_through_the_article(client, photo_staff):
    article = make_article()
    client.force_login(photo_staff)
    assert client.get(f"/quan-tri/articles/article/{article.pk}/change/").status_code == 403
