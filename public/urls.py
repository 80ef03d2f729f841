from django.urls import path

from public import feeds
from public.views import (
    articles,
    documents,
    home,
    listings,
    notices,
    organisation,
    questions,
    reporting,
    search,
    site,
)
from public.views import warnings as crime_warnings

app_name = "public"

urlpatterns = [
    path("", home.home, name="home"),
    path("bai-viet/<slug:slug>/", articles.article_detail, name="article"),
    path(
        "bai-viet/<slug:slug>/anh-chia-se.png",
        crime_warnings.warning_share_image,
        name="warning-share-image",
    ),
    path("chuyen-muc/<slug:slug>/", listings.SectionView.as_view(), name="section"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.SectionFeed(), name="section-feed"),
    path("the/<slug:slug>/", listings.TagView.as_view(), name="tag"),
    path("tac-gia/<slug:slug>/", listings.AuthorView.as_view(), name="author"),
    path("chien-dich/<slug:slug>/", listings.CampaignView.as_view(), name="campaign"),
    path("chien-dich/<slug:slug>/rss/", feeds.CampaignFeed(), name="campaign-feed"),
    # The police sections: crime warnings, wanted notices, reporting a crime, Q&A.
    path("canh-bao/", crime_warnings.WarningsView.as_view(), name="warnings"),
    path("canh-bao/rss/", feeds.WarningsFeed(), name="warnings-feed"),
    path(
        "canh-bao/thu-doan/<slug:slug>/",
        crime_warnings.WarningsView.as_view(),
        name="warning-method",
    ),
    path("truy-na/", notices.notice_list, name="notices"),
    path("truy-na/tra-cuu/", notices.notice_lookup, name="notice-lookup"),
    path("truy-na/dinh-na/", notices.withdrawals, name="notice-withdrawals"),
    path("truy-na/rss/", feeds.NoticesFeed(), name="notices-feed"),
    path("truy-na/<slug:slug>/", notices.notice_detail, name="notice"),
    path("truy-na/<slug:slug>/in/", notices.notice_poster, name="notice-poster"),
    path("to-giac-toi-pham/", reporting.reporting_page, name="reporting"),
    path("hoi-dap/", questions.question_list, name="questions"),
    path("hoi-dap/dat-cau-hoi/", questions.ask, name="ask"),
    path("hoi-dap/da-gui/", questions.question_sent, name="question-sent"),
    path("hoi-dap/<slug:slug>/", questions.question_detail, name="question"),
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
