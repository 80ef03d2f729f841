"""Old photos: from a copy of the old uploads folder, or over HTTP from allowed hosts.

Each address is read once per import (``ImportedMedia`` remembers the photo it became);
identical files from any source are stored once (the library's SHA-256); every photo goes
through the library's pipeline (verified, turned upright, GPS stripped).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.utils.translation import gettext as _

EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class MediaError(Exception):
    """A photo that could not be read; the message is the reason shown in the report."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        host = (urlsplit(newurl).hostname or "").lower()
        if host not in self.allowed:
            raise MediaError(_("redirected to a host that is not allowed: %(h)s") % {"h": host})
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class MediaFetcher:
    def __init__(
        self,
        *,
        base_url: str = "",
        uploads_dir: Path | None = None,
        allow_hosts: set[str] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        retries: int = 3,
        timeout: float = 10.0,
        pause: float = 0.5,
    ) -> None:
        self.base_url = base_url
        self.uploads_dir = Path(uploads_dir).resolve() if uploads_dir else None
        self.allow_hosts = {h.lower() for h in (allow_hosts or set())}
        self.max_bytes = max_bytes
        self.retries = retries
        self.timeout = timeout
        self.pause = pause
        self.opener = urllib.request.build_opener(_NoRedirect(self.allow_hosts))

    def absolute(self, url: str) -> str:
        return urljoin(self.base_url + "/", url) if self.base_url else url

    def local_path(self, url: str) -> Path | None:
        """The file in the uploads copy for ``url`` (the part after “/uploads/”)."""
        if self.uploads_dir is None:
            return None
        path = unquote(urlsplit(url).path)
        marker = path.find("/uploads/")
        relative = path[marker + len("/uploads/") :] if marker >= 0 else path.lstrip("/")
        candidate = (self.uploads_dir / PurePosixPath(relative)).resolve()
        if not candidate.is_relative_to(self.uploads_dir):
            return None
        return candidate

    def check(self, url: str) -> str:
        """Why ``url`` would fail, without downloading it ("" when it should not fail)."""
        url = self.absolute(url)
        suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
        if suffix not in EXTENSIONS:
            return _("not a photo type that is accepted (%(s)s)") % {"s": suffix or "?"}
        path = self.local_path(url)
        if path is not None and path.is_file():
            if path.stat().st_size > self.max_bytes:
                return _("larger than %(mb)s MB") % {"mb": self.max_bytes // 1024 // 1024}
            return ""
        host = (urlsplit(url).hostname or "").lower()
        if host and host in self.allow_hosts:
            return ""
        if path is not None:
            return _("not in the uploads folder, and its host may not be fetched")
        return _("host %(h)s is not in the allow-list") % {"h": host or "?"}

    def read(self, url: str) -> tuple[bytes, str]:
        """(the file's bytes, its name); raises MediaError with the reason."""
        url = self.absolute(url)
        reason = self.check(url)
        if reason:
            raise MediaError(reason)
        name = PurePosixPath(unquote(urlsplit(url).path)).name
        path = self.local_path(url)
        if path is not None and path.is_file():
            return path.read_bytes(), name
        return self._download(url), name

    def _download(self, url: str) -> bytes:
        last = ""
        for attempt in range(self.retries):
            if attempt:
                time.sleep(self.pause * 2 ** (attempt - 1))
            try:
                with self.opener.open(url, timeout=self.timeout) as response:
                    kind = response.headers.get_content_type()
                    if not kind.startswith("image/"):
                        raise MediaError(_("not an image (%(t)s)") % {"t": kind})
                    length = response.headers.get("Content-Length")
                    if length and length.isdigit() and int(length) > self.max_bytes:
                        raise MediaError(
                            _("larger than %(mb)s MB") % {"mb": self.max_bytes // 1024 // 1024}
                        )
                    data = response.read(self.max_bytes + 1)
                    if len(data) > self.max_bytes:
                        raise MediaError(
                            _("larger than %(mb)s MB") % {"mb": self.max_bytes // 1024 // 1024}
                        )
                    return data
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}"
                if exc.code < 500 and exc.code != 429:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                last = str(getattr(exc, "reason", exc))
        raise MediaError(
            _("could not be downloaded after %(n)s tries: %(e)s") % {"n": self.retries, "e": last}
            if last and not last.startswith("HTTP 4")
            else _("not found there (%(e)s)") % {"e": last}
        )
