"""Public addresses: absolute ones from SITE_URL (never from the Host header), and pages."""

from django.conf import settings


def absolute(path: str) -> str:
    """``/bai-viet/x/`` → ``https://congan.example.vn/bai-viet/x/``."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def page_url(path: str, number: int, *, query: str = "", absolute_url: bool = False) -> str:
    """Page 1 is the bare address; later pages add ``?page=N``."""
    params = [p for p in [query, f"page={number}" if number > 1 else ""] if p]
    url = path + ("?" + "&".join(params) if params else "")
    return absolute(url) if absolute_url else url
