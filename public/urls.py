from django.urls import path

from public import feeds
from public.views import articles, documents, home, listings, organisation, search, site

app_name = "public"

urlpatterns = [
    path("", home.home, name="home"),
    path("bai-viet/<slug:slug>/", articles.article_detail, name="article"),
    path("chuyen-muc/<slug:slug>/", listings.SectionView.as_view(), name="section"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.SectionFeed(), name="section-feed"),
    path("the/<slug:slug>/", listings.TagView.as_view(), name="tag"),
    path("tac-gia/<slug:slug>/", listings.AuthorView.as_view(), name="author"),
    path("chien-dich/<slug:slug>/", listings.CampaignView.as_view(), name="campaign"),
    path("chien-dich/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign-feed"),
    path("tim-kiem/", search.search, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("van-ban/", documents.document_list, name="documents"),
    path("van-ban/rss/", feeds.DocumentsFeed(), name="documents-feed"),
    path("van-ban/<slug:slug>/", documents.document_detail, name="document"),
    path("van-ban/<slug:slug>/tep/<int:pk>/", documents.document_file, name="document-file"),
    path("gioi-thieu/", organisation.about, name="about"),
    path("gioi-thieu/co-cau-to-chuc/", organisation.structure, name="structure"),
    path("gioi-thieu/lanh-dao/", organisation.leaders, name="leaders"),
    path("gioi-thieu/don-vi/", organisation.units, name="units"),
    path("gioi-thieu/don-vi/<slug:slug>/", organisation.unit_detail, name="unit"),
    path("gioi-thieu/<slug:slug>/", organisation.about_page, name="about-page"),
    path("lien-he/", organisation.contact, name="contact"),
    path("luot-xem/<str:token>/", site.count_view, name="count-view"),
    path("robots.txt", site.robots_txt, name="robots"),
    path("favicon.ico", site.favicon, name="favicon"),
]
