"""Media in an S3-compatible bucket (moto's server mode, started by the tests).

The photo suite as a whole also runs on a bucket with ``make test-s3``; these tests run in
every suite: what the bucket holds and how, that a page asks the store nothing, and what
staff and readers get when the store is down.
"""

from __future__ import annotations

import importlib.util
import io
import tarfile
import urllib.request
from pathlib import Path

import botocore.endpoint
import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile

from photos import services as images
from photos.models import Image
from tests import media
from tests.factories import jpeg_bytes, make_article, make_image, phone_photo
from tests.servers import free_port

pytestmark = pytest.mark.django_db

CDN = "https://anh.congan.example.vn"
STORE_DOWN = "Kho lưu ảnh không phản hồi"


@pytest.fixture
def bucket(settings, moto_server):
    """A bucket on moto, the site's media store, its addresses on the CDN host."""
    name = f"newsroom-store-{free_port()}"
    moto_server.client().create_bucket(Bucket=name)
    storages, settings.MEDIA_URL = _storages(moto_server.url, name, moto_server)
    settings.STORAGES = {**settings.STORAGES, **storages}
    settings.SERVE_MEDIA = False
    return name


def _storages(endpoint: str, name: str, moto_server) -> tuple[dict, str]:
    from newsroom.storage import s3_storages

    return s3_storages(
        bucket=name,
        endpoint_url=endpoint,
        cdn_url=CDN,
        keep_originals=True,
        access_key=moto_server.ACCESS_KEY,
        secret_key=moto_server.SECRET_KEY,
    )


@pytest.fixture
def store_requests(monkeypatch) -> list[str]:
    """Every HTTP request any boto3 client sends, as ``"GET key"``."""
    sent: list[str] = []
    original = botocore.endpoint.Endpoint.make_request

    def make_request(self, operation_model, request_dict):
        sent.append(f"{request_dict['method']} {request_dict['url_path']}")
        return original(self, operation_model, request_dict)

    monkeypatch.setattr(botocore.endpoint.Endpoint, "make_request", make_request)
    return sent


@pytest.fixture
def store_down(settings, bucket, moto_server):
    """The same site, its store gone: the endpoint is a port nothing listens on."""

    def stop() -> None:
        storages, _url = _storages(f"http://127.0.0.1:{free_port()}", bucket, moto_server)
        settings.STORAGES = {**settings.STORAGES, **storages}

    return stop


def test_renditions_are_public_immutable_and_on_the_cdn_host(bucket, moto_server):
    image = images.image_upload(file=io.BytesIO(jpeg_bytes((1600, 1000))), uploaded_by=None)
    client = moto_server.client()
    rendition = f"{image.file.name.removesuffix('.jpg')}/640.webp"
    head = client.head_object(Bucket=bucket, Key=rendition)
    assert head["CacheControl"] == "public, max-age=31536000, immutable"
    grants = client.get_object_acl(Bucket=bucket, Key=rendition)["Grants"]
    assert any(g["Grantee"].get("URI", "").endswith("/AllUsers") for g in grants)
    url = default_storage.url(rendition)
    assert url == f"{CDN}/{rendition}"  # unsigned, no query string
    with urllib.request.urlopen(f"{moto_server.url}/{bucket}/{rendition}") as answer:
        assert answer.headers["Cache-Control"].endswith("immutable")


def test_names_follow_the_content_so_an_address_never_changes_bytes(bucket):
    first = images.image_upload(file=io.BytesIO(jpeg_bytes((800, 500))), uploaded_by=None)
    again = Image.objects.get(pk=first.pk)
    images.image_replace(image=again, file=io.BytesIO(jpeg_bytes((640, 400))), by=None)
    assert again.file.name != first.file.name
    digest_part = again.file.name.rsplit("/", 1)[1].removesuffix(".jpg")
    assert len(digest_part) == 32 and int(digest_part, 16) >= 0


def test_untouched_originals_are_private_objects_behind_signed_addresses(bucket, moto_server):
    data = phone_photo()
    image = images.image_upload(file=io.BytesIO(data), uploaded_by=None)
    key = f"originals/{image.private_original}"
    client = moto_server.client()
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == data  # GPS and all
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert not any("AllUsers" in g["Grantee"].get("URI", "") for g in grants)
    signed = storages_originals().url(image.private_original)
    assert "Signature=" in signed or "X-Amz-Signature=" in signed


def storages_originals():
    return storages["originals"]


def _backup_script():
    path = Path(__file__).resolve().parents[2] / "scripts" / "backup.py"
    spec = importlib.util.spec_from_file_location("backup_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _objects(client, bucket: str) -> dict[str, bytes]:
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: client.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def test_a_backup_holds_the_bucket_and_a_restore_puts_every_object_back_as_it_was(
    bucket, moto_server, tmp_path
):
    image = images.image_upload(file=io.BytesIO(phone_photo()), uploaded_by=None)
    client = moto_server.client()
    before = _objects(client, bucket)
    backup = _backup_script()
    archive = tmp_path / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        assert backup.archive_media(tar) == len(before) >= 3  # photo, a rendition, original

    # The bucket loses its photos and gains a stray object: the restore gives back the backup.
    for key in before:
        client.delete_object(Bucket=bucket, Key=key)
    client.put_object(Bucket=bucket, Key="anh/stray.jpg", Body=b"stray")
    with tarfile.open(archive, "r:gz") as tar:
        backup.restore_media(tar)

    assert _objects(client, bucket) == before
    photo = image.file.name
    assert client.head_object(Bucket=bucket, Key=photo)["CacheControl"].endswith("immutable")
    assert client.head_object(Bucket=bucket, Key=photo)["ContentType"] == "image/jpeg"
    public = client.get_object_acl(Bucket=bucket, Key=photo)["Grants"]
    assert any(g["Grantee"].get("URI", "").endswith("/AllUsers") for g in public)
    original = f"originals/{image.private_original}"
    private = client.get_object_acl(Bucket=bucket, Key=original)["Grants"]
    assert not any("AllUsers" in g["Grantee"].get("URI", "") for g in private)


def test_boto3_checksums_are_only_sent_when_required(bucket):
    config = default_storage.connection.meta.client.meta.config
    assert config.request_checksum_calculation == "when_required"
    assert config.response_checksum_validation == "when_required"


def test_rendering_pages_with_photos_makes_no_request_to_the_store(client, bucket, store_requests):
    cover = make_image(data=jpeg_bytes((1600, 1000)), caption="Ảnh bìa")
    body = "".join(
        f'<figure class="image"><img src="{i.file.url}" alt="Ảnh {n}" width="400" height="240" '
        f'data-image-id="{i.pk}"></figure>'
        for n, i in enumerate([make_image(data=jpeg_bytes((400, 260))) for _ in range(3)])
    )
    article = make_article(body=body, cover=cover)
    assert store_requests  # the uploads did talk to the store
    store_requests.clear()
    pages = {url: client.get(url) for url in ("/", article.get_absolute_url())}
    assert all(page.status_code == 200 for page in pages.values())
    assert f"{CDN}/anh/" in pages[article.get_absolute_url()].content.decode()
    assert store_requests == []


def test_store_down_pages_still_render_with_their_photos(client, bucket, store_down):
    article = make_article(cover=make_image(data=jpeg_bytes((1600, 1000))))
    store_down()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert f"{CDN}/anh/" in response.content.decode()


def test_store_down_an_upload_gets_a_clear_vietnamese_error_and_leaves_nothing(
    client, photo_staff, bucket, store_down
):
    store_down()
    client.force_login(photo_staff)
    answer = client.post(
        "/quan-tri/photos/image/upload/file/",
        {"file": SimpleUploadedFile("su-kien.jpg", phone_photo(), content_type="image/jpeg")},
    ).json()
    assert answer["ok"] is False
    assert STORE_DOWN in answer["error"]
    assert Image.objects.count() == 0


def test_a_store_failing_midway_takes_back_what_it_wrote(bucket, monkeypatch):
    from storages.backends.s3 import S3Storage

    original, calls = S3Storage._save, []

    def fail_on_the_fifth(self, name, content):
        calls.append(name)
        if len(calls) == 5:
            from botocore.exceptions import EndpointConnectionError

            raise EndpointConnectionError(endpoint_url="http://store")
        return original(self, name, content)

    monkeypatch.setattr(S3Storage, "_save", fail_on_the_fifth)
    with pytest.raises(images.StoreUnavailable, match=STORE_DOWN):
        images.image_upload(file=io.BytesIO(jpeg_bytes((1600, 1000))), uploaded_by=None)
    assert Image.objects.count() == 0
    assert media.stored_names() == []
