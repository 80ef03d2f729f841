"""What the security layer costs: Argon2 per log-in, the middleware per public request.

    DEBUG=true .venv/bin/python bench/security_overhead.py

Prints figures; asserts nothing.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import check_password, make_password  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from newsroom.middleware import (  # noqa: E402
    ContentSecurityPolicyMiddleware,
    PermissionsPolicyMiddleware,
    PublicInputMiddleware,
    RateLimitMiddleware,
)


def timed(function, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float]) -> None:
    print(f"{name:<52} median {statistics.median(samples):8.3f} ms   max {max(samples):8.3f} ms")


def main() -> None:
    hashed = make_password("mat-khau-rat-dai-123")
    report("Argon2id hash (new password)", timed(lambda: make_password("mat-khau-123456"), 20))
    report("Argon2id check (each log-in)", timed(lambda: check_password("x" * 12, hashed), 20))

    def view(request):
        return HttpResponse("<p>ok</p>")

    stack = PermissionsPolicyMiddleware(
        ContentSecurityPolicyMiddleware(PublicInputMiddleware(RateLimitMiddleware(view)))
    )
    factory = RequestFactory()
    plain = factory.get("/chuyen-muc/an-ninh-trat-tu/", {"page": "2"})
    search = factory.get("/tim-kiem/", {"q": "an ninh trật tự " * 5, "page": "3"})
    settings.PUBLIC_RATE_LIMIT = "1000000/m"
    report("security middleware, listing page (no limit)", timed(lambda: stack(plain), 2000))
    report("security middleware, search page (rate-limited)", timed(lambda: stack(search), 2000))
    report("bare view, for comparison", timed(lambda: view(plain), 2000))


if __name__ == "__main__":
    main()
