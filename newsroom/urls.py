from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView

from newsroom.health import healthz
from newsroom.media import serve_upload
from public.sitemaps import news_sitemap, sitemaps
from public.views.articles import article_preview

admin.site.site_header = format_lazy("{} — {}", _("Administration"), settings.SITE_NAME)
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom desk")

handler403 = "newsroom.errors.permission_denied"
handler500 = "newsroom.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The preview renders the public article page, so the public app serves it; it lives
    # under the admin's address, behind its log-in and second factor.
    path(
        f"{settings.ADMIN_URL}articles/article/<int:pk>/preview/",
        admin.site.admin_view(article_preview),
        name="article-preview",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path(
        "sitemap.xml",
        cache_control(max_age=300, public=True)(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_control(max_age=300, public=True)(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    # English pages: their own addresses under /en/ (newsroom/languages.py).
    path("en/", include("public.urls_en")),
    # The public API and the JSON feeds (api/).
    path("", include("api.urls")),
    path("", include("public.urls")),
]

if settings.DEBUG and settings.ADMIN_URL != "admin/":
    # Habit on a development machine; in production /admin/ is an ordinary 404 and
    # tells a scanner nothing.
    urlpatterns.insert(
        0, path("admin/", RedirectView.as_view(url="/" + settings.ADMIN_URL, permanent=False))
    )

if settings.SERVE_MEDIA:
    # Development and single-container deployments; docker-compose puts nginx in front.
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_upload, name="media")
    )
