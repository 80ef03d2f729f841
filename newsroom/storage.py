"""Where uploads live: a local folder (``MEDIA_ROOT``) or an S3-compatible bucket.

One environment variable switches: ``MEDIA_S3_BUCKET``. In the bucket,

* the cleaned photos and their renditions are public objects under content-hashed names
  (``photos/services.py``): a name never gets other bytes, so they are sent with a year of
  ``immutable`` caching and their addresses are plain, unsigned ones on the CDN host
  (``MEDIA_CDN_URL``). Building an address is string work: rendering a page asks the
  store nothing;
* the untouched uploads (GPS, camera data), when kept, are private objects under
  ``originals/``, reached only with signed, short-lived addresses.

boto3 ≥ 1.36 sends and checks CRC checksums by default, which S3-compatible stores that
are not AWS (Ceph, older MinIO, some Vietnamese clouds) refuse; both settings are put back
to ``when_required``. Timeouts and retries are short so that a store that is down gives
the uploader an answer in seconds, not minutes.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from botocore.config import Config

IMMUTABLE = "public, max-age=31536000, immutable"
S3_BACKEND = "storages.backends.s3.S3Storage"


def s3_client_config() -> Config:
    return Config(
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        connect_timeout=3,
        read_timeout=20,
        retries={"max_attempts": 2, "mode": "standard"},
    )


def s3_media_url(*, bucket: str, endpoint_url: str, region: str, cdn_url: str) -> str:
    """The public address of the bucket's objects, ending with a slash."""
    if cdn_url:
        base = cdn_url
    elif endpoint_url:
        base = f"{endpoint_url.rstrip('/')}/{bucket}"
    else:
        base = f"https://{bucket}.s3.{region}.amazonaws.com"
    return base.rstrip("/") + "/"


def s3_storages(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "us-east-1",
    cdn_url: str = "",
    public_acl: str = "public-read",
    keep_originals: bool = False,
    access_key: str | None = None,
    secret_key: str | None = None,
) -> tuple[dict, str]:
    """``STORAGES`` entries (``default`` and, if kept, ``originals``) and ``MEDIA_URL``."""
    media_url = s3_media_url(
        bucket=bucket, endpoint_url=endpoint_url, region=region, cdn_url=cdn_url
    )
    address = urlsplit(media_url)
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region,
        "client_config": s3_client_config(),
        # A name is never written twice: a collision gets a suffix, as on disk.
        "file_overwrite": False,
    }
    if access_key:
        common |= {"access_key": access_key, "secret_key": secret_key}
    public = {
        **common,
        "default_acl": public_acl or None,
        "querystring_auth": False,
        "custom_domain": address.netloc + address.path.rstrip("/"),
        "url_protocol": f"{address.scheme}:",
        "object_parameters": {"CacheControl": IMMUTABLE},
    }
    result = {"default": {"BACKEND": S3_BACKEND, "OPTIONS": public}}
    if keep_originals:
        result["originals"] = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                "location": "originals",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
                "object_parameters": {"CacheControl": "private, no-store"},
            },
        }
    return result, media_url
