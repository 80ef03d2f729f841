from django.urls import path

from api import docs, feeds
from api.views import api

urlpatterns = [
    path("api/v1/docs", docs.docs_page, name="api-docs"),
    path("api/v1/", api.urls),
    # JSON Feed 1.1 beside each RSS feed of articles.
    path("feed.json", feeds.latest, name="json-feed"),
    path("chuyen-muc/<slug:slug>/feed.json", feeds.section, name="section-json-feed"),
    path("chien-dich/<slug:slug>/feed.json", feeds.campaign, name="campaign-json-feed"),
]
