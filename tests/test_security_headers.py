"""The browser policy: headers on public pages, the admin and uploads; uploads stay images."""

import pytest

from tests.factories import make_article, make_image


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.fixture
def article(db):
    return make_article(cover=make_image())


@pytest.fixture
def responses(client, article, administrator, admin_url):
    """One public page, one admin page and one upload, fetched over HTTPS."""
    public = client.get(article.get_absolute_url(), secure=True)
    login = client.get(f"{admin_url}login/", secure=True)
    media = client.get(article.cover.file.url, secure=True)
    client.force_login(administrator)
    admin = client.get(f"{admin_url}articles/article/", secure=True)
    for response in (public, login, media, admin):
        assert response.status_code == 200
    return {"public": public, "login": login, "admin": admin, "media": media}


@pytest.mark.parametrize("kind", ["public", "login", "admin", "media"])
def test_every_response_carries_the_browser_policy(responses, kind):
    response = responses[kind]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] in (["'self'"], ["'none'"])
    if kind == "media":
        assert "sandbox" in csp
    else:
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]


@pytest.mark.parametrize("kind", ["public", "login", "admin"])
def test_scripts_run_only_from_our_origin_or_with_the_nonce(responses, kind):
    csp = directives(responses[kind]["Content-Security-Policy"])
    sources = csp["script-src"]
    assert sources[0] == "'self'"
    assert all(s == "'self'" or s.startswith("'nonce-") for s in sources), sources
    assert not any(s.startswith("http") or s == "*" for values in csp.values() for s in values)


def test_the_public_site_has_no_inline_style_either(responses):
    csp = directives(responses["public"]["Content-Security-Policy"])
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["img-src"] == ["'self'"]


def test_the_admin_alone_may_inject_styles_for_its_widgets_and_the_editor(responses):
    csp = directives(responses["admin"]["Content-Security-Policy"])
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert set(csp["img-src"]) == {"'self'", "data:", "blob:"}


def test_an_upload_is_served_as_the_image_it_is(responses, article):
    response = responses["media"]
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    "name",
    [
        "bai-viet.html",
        "anh.svg",
        "tai-lieu.htm",
        "script.js",
        "khong-duoi",
        ".htaccess",
        "a/.ssh/x.jpg",
    ],
)
def test_anything_but_an_image_in_the_upload_folder_is_not_served(client, db, media_root, name):
    path = media_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<script>alert(1)</script>", encoding="utf-8")
    response = client.get(f"/media/{name}")
    assert response.status_code == 404
    assert b"alert(1)" not in response.content


def test_an_html_file_renamed_to_jpg_is_still_not_run_as_html(client, db, media_root):
    (media_root / "anh").mkdir(parents=True)
    (media_root / "anh" / "gia.jpg").write_text("<html><script>alert(1)</script>", "utf-8")
    response = client.get("/media/anh/gia.jpg")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_admin_is_not_at_slash_admin_in_production(client, db, admin_url):
    assert admin_url == "/quan-tri/"
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    assert client.get(f"{admin_url}login/").status_code == 200


def test_a_page_cannot_be_framed(responses):
    assert responses["public"]["X-Frame-Options"] == "DENY"
