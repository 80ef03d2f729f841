from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("chuyen-muc/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("the/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("tac-gia/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("chien-dich/<slug:slug>/", views.CampaignView.as_view(), name="campaign"),
]
