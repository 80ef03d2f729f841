"""An English page knows its Vietnamese source, and the desk flags it as out of date when
the Vietnamese changes after the English was last saved."""

import pytest
from django.urls import reverse

from english.models import EnglishPage
from english.services import english_save, english_transition
from organisation.models import Leader, Page, Unit
from publishing.models import Action
from tests.factories import make_article, make_unit


@pytest.fixture
def translated(db, editor):
    source = Page.objects.create(
        kind=Page.Kind.FUNCTIONS,
        title="Chức năng, nhiệm vụ",
        body="<p>Tham mưu cho Bộ Công an.</p>",
    )
    page = english_save(
        page=EnglishPage(source_page=source, title="Functions", body="<p>Advises.</p>"), by=editor
    )
    return source, page


def test_a_fresh_translation_is_up_to_date(translated):
    _source, page = translated
    assert not page.is_out_of_date()


def test_a_change_of_the_vietnamese_flags_the_english(translated):
    source, page = translated
    source.body = "<p>Tham mưu cho Bộ Công an và Ủy ban nhân dân tỉnh.</p>"
    source.save()
    page.refresh_from_db()
    assert page.is_out_of_date()


def test_saving_the_vietnamese_unchanged_flags_nothing(translated):
    source, page = translated
    source.save()
    page.refresh_from_db()
    assert not page.is_out_of_date()


def test_saving_the_english_again_clears_the_flag_but_a_workflow_step_does_not(
    translated, editor, approver
):
    source, page = translated
    source.title = "Chức năng và nhiệm vụ"
    source.save()
    english_transition(page=page, by=editor, action=Action.SUBMIT)
    english_transition(page=page, by=approver, action=Action.APPROVE)
    page.refresh_from_db()
    assert page.is_out_of_date()  # publishing is no translation
    english_save(page=page, by=editor)
    assert not page.is_out_of_date()


def test_a_translated_article_is_flagged_when_its_text_changes(db, editor):
    article = make_article(title="Cảnh báo lừa đảo", body="<p>Nội dung cũ.</p>")
    page = english_save(page=EnglishPage(source_article=article, title="Fraud warning"), by=editor)
    article.view_count = 99  # counters are not the text
    article.save()
    assert not EnglishPage.objects.get(pk=page.pk).is_out_of_date()
    article.body = "<p>Nội dung mới.</p>"
    article.save()
    assert EnglishPage.objects.get(pk=page.pk).is_out_of_date()


def test_the_desk_lists_the_flag_and_shows_what_changed(admin_client, translated):
    source, page = translated
    source.body = "<p>Tham mưu cho Bộ Công an và Ủy ban nhân dân tỉnh.</p>"
    source.save()
    listing = admin_client.get(
        reverse("admin:english_englishpage_changelist") + "?stale=yes"
    ).content.decode()
    assert "Đã cũ: bản tiếng Việt đã thay đổi" in listing
    form = admin_client.get(
        reverse("admin:english_englishpage_change", args=[page.pk])
    ).content.decode()
    assert "<ins>và Ủy ban nhân dân tỉnh.</ins>" in form or "<ins>" in form
    assert source.title in form


def test_units_and_leaders_flag_their_english_too(db):
    unit = make_unit("Công an xã Phú Đình", name_en="Phú Đình Commune Police")
    assert not unit.english_out_of_date()
    unit.name = "Công an xã Phú Đình mới"
    unit.save()
    assert Unit.objects.get(pk=unit.pk).english_out_of_date()
    unit.name_en = "New Phú Đình Commune Police"
    unit.save()
    assert not Unit.objects.get(pk=unit.pk).english_out_of_date()
    leader = Leader.objects.create(name="Hà Minh Triết", title="Giám đốc", title_en="Director")
    leader.title = "Giám đốc Công an tỉnh"
    leader.save()
    assert Leader.objects.get(pk=leader.pk).english_out_of_date()
