"""Serving uploads from Django (SERVE_MEDIA): images only, never anything a browser runs.

The image library stores only files Pillow verified, under generated names with the
extension of their real format (photos/pipeline.py). Anything else found in MEDIA_ROOT
is not ours to serve, so it is a 404. nginx applies the same rules in production
(docker/nginx.conf).
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
# Even an image is shown as an inert document: no script, no plugin, no framing.
MEDIA_CSP = "default-src 'none'; sandbox"


def serve_upload(request: HttpRequest, path: str) -> HttpResponse:
    name = PurePosixPath(path)
    content_type = IMAGE_TYPES.get(name.suffix.lower())
    if content_type is None or any(part.startswith(".") for part in name.parts):
        raise Http404("not an image")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Content-Disposition"] = "inline"
    return response
