"""seed_demo: the demo newsroom, loaded through the importer; twice = once."""

import io

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from accounts.models import User
from accounts.roles import Role
from articles.models import Article, Author, Campaign, GalleryItem, Section, Tag
from documents.models import Document, DocumentLink
from documents.validity import Validity
from english.models import EnglishPage
from notices.models import WantedNotice
from organisation.models import Leader, Unit
from photos.models import Image
from publishing.models import Action
from questions.models import Question


def seed(data, **kwargs) -> None:
    call_command("seed_demo", data=data, **kwargs)


def counts() -> dict[str, int]:
    models = [Article, Author, Campaign, Image, Section, Tag, User]
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_twice_is_the_same_as_once(
    db, monkeypatch, media_root, small_demo_data, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("DEMO_PASSWORD", "mat-khau-demo-2026")
    out = io.StringIO()
    # Files of a withdrawn notice's photo go once its withdrawal commits.
    with django_capture_on_commit_callbacks(execute=True):
        seed(small_demo_data, stdout=out)
    first = counts()
    files = sorted(p.name for p in media_root.rglob("*") if p.is_file())
    with django_capture_on_commit_callbacks(execute=True):
        seed(small_demo_data, stdout=io.StringIO())
    assert counts() == first
    assert sorted(p.name for p in media_root.rglob("*") if p.is_file()) == files

    assert first["Campaign"] == 3
    assert first["Author"] == 8
    assert 25 <= first["Article"] <= 40
    assert first["User"] == 5
    assert GalleryItem.objects.count() == 6  # the lead article's photo story, once
    # One cleaned copy per image (in its day folder), its renditions in a folder beside it.
    stored = [
        p
        for p in media_root.rglob("*")
        if p.is_file() and p.parent.name.isdigit() and "van-ban" not in p.parts
    ]
    assert len(stored) == first["Image"]
    published = Article.objects.published()
    # On the desk: a draft, one returned, one submitted, one forwarded; and one scheduled.
    assert published.count() == first["Article"] - 5
    assert published.filter(cover__isnull=False).count() == published.count()
    assert "mat-khau-demo-2026" in out.getvalue()
    assert f"{first['Article']} đã tạo, 0 đã cập nhật, 0 bỏ qua." in out.getvalue()


def test_the_demo_has_documents_the_organisation_and_english_pages(db, small_demo_data):
    seed(small_demo_data, stdout=io.StringIO())
    documents = Document.objects.published()
    assert documents.count() >= 40
    assert documents.filter(attachments__kind="pdf").distinct().count() >= 5
    assert Document.objects.get(number="100/2019/NĐ-CP").validity() == Validity.PARTIAL
    assert DocumentLink.objects.filter(kind="replaces").count() >= 4
    assert Unit.objects.communes().count() >= 12
    assert Unit.objects.command().phones
    assert Leader.objects.filter(portrait__isnull=False).count() == 3
    assert EnglishPage.objects.published().count() == 4
    assert not any(page.is_out_of_date() for page in EnglishPage.objects.all())


def test_every_role_has_a_demo_login(db, monkeypatch, small_demo_data):
    monkeypatch.setenv("DEMO_PASSWORD", "mat-khau-demo-2026")
    seed(small_demo_data, stdout=io.StringIO())
    for role in Role:
        user = User.objects.get(groups__role__code=role.value)
        assert user.is_staff
        request = RequestFactory().post("/quan-tri/login/")
        assert authenticate(request, username=user.username, password="mat-khau-demo-2026") == user


def test_demo_articles_read_like_the_news(db, small_demo_data):
    seed(small_demo_data, stdout=io.StringIO())
    article = Article.objects.published().filter(body__contains="<figure").first()
    assert article is not None
    assert "<figcaption>" in article.body
    assert 'data-image-id="' in article.body
    assert article.bylines.exists()
    assert not article.title.endswith(".")


def test_the_demo_has_the_police_sections(db, client, small_demo_data):
    seed(small_demo_data, stdout=io.StringIO())
    assert Article.objects.published().warnings().count() == 3
    notices = WantedNotice.objects.public()
    assert notices.count() == 3 and all(n.photo_list for n in notices)
    assert WantedNotice.objects.filter(withdrawn_at__isnull=False).count() == 1
    assert Question.objects.answered().count() == 2 and Question.objects.waiting().count() == 1
    for url in ("/", "/canh-bao/", "/truy-na/", "/to-giac-toi-pham/", "/hoi-dap/"):
        assert client.get(url).status_code == 200, url
    assert "Trực ban Công an tỉnh Sông Lam" in client.get("/to-giac-toi-pham/").content.decode()


def test_demo_writers_draft_under_their_own_byline(db, small_demo_data):
    seed(small_demo_data, stdout=io.StringIO())
    reporter = User.objects.get(username="phongvien")
    assert reporter.get_full_name() == "Lê Thị Hạnh"
    mine = Article.objects.filter(bylines__author__user=reporter)
    assert mine.exists()
    for article in mine:
        assert [a.name for a in article.author_list] == ["Lê Thị Hạnh"], article.title
    assert mine.filter(status=Article.Status.DRAFT).exists()
    editor = User.objects.get(username="bientap")
    assert Author.objects.get(user=editor).name == editor.get_full_name()


def test_the_demo_desk_has_work_waiting_for_each_role(db, small_demo_data):
    seed(small_demo_data, stdout=io.StringIO())
    seed(small_demo_data, stdout=io.StringIO())  # the steps are taken once
    Status = Article.Status
    returned = Article.objects.get(status=Status.RETURNED)
    assert returned.author_list[0].name == "Lê Thị Hạnh"
    comment = returned.transitions.get(action=Action.RETURN).comment
    assert "bổ sung" in comment
    assert Article.objects.filter(status=Status.SUBMITTED).count() == 1
    assert Article.objects.filter(status=Status.FORWARDED).count() == 1
    assert Article.objects.scheduled().count() == 1
