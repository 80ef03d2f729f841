from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("chuyen-muc/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.SectionFeed(), name="section-feed"),
    path("the/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("tac-gia/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("chien-dich/<slug:slug>/", views.CampaignView.as_view(), name="campaign"),
    path("chien-dich/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign-feed"),
    path("tim-kiem/", views.search_view, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("luot-xem/<str:token>/", views.count_view, name="count-view"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]
