"""The English pages, mounted under /en/ (newsroom/urls.py); their names are ``en:…``."""

from django.urls import path

from public import feeds
from public.views import english

app_name = "en"

urlpatterns = [
    path("", english.home, name="home"),
    path("about/<slug:slug>/", english.page, name="page"),
    path("structure/", english.structure, name="structure"),
    path("leaders/", english.leaders, name="leaders"),
    path("contact/", english.contact, name="contact"),
    path("news/", english.news, name="news"),
    path("news/rss/", feeds.EnglishNewsFeed(), name="news-feed"),
    path("news/<slug:slug>/", english.news_item, name="news-item"),
]
