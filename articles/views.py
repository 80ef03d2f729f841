"""Public pages. Every read goes through ``Article.objects.published()``."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.models import Article, Author, Campaign, GalleryItem, Section, Tag


class PublishedArticlesMixin:
    """The shared rule of every public list: published articles, newest first."""

    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().for_listing().latest_first()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"
    paginate_by = None

    def get_queryset(self):
        return super().get_queryset()[:30]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(context["object_list"])
        featured = [a for a in articles if a.featured]
        headline = featured[0] if featured else (articles[0] if articles else None)
        context["headline"] = headline
        context["featured"] = [a for a in featured if a is not headline][:5]
        shown = {a.pk for a in [headline, *context["featured"]] if a}
        context["latest"] = [a for a in articles if a.pk not in shown][:15]
        context["active_campaigns"] = Campaign.objects.active().select_related("cover")[:4]
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("section", "section__parent", "cover")
            .prefetch_related(
                "bylines__author",
                "tags",
                "campaigns",
                "body_images",
                Prefetch("gallery_items", GalleryItem.objects.select_related("image")),
            )
        )


class FilteredListView(PublishedArticlesMixin, ListView):
    """A paginated list of one section, tag, author or campaign."""

    model_class: type = Section
    template_name = "articles/article_list.html"

    def get_filter_object(self):
        return get_object_or_404(self.model_class, slug=self.kwargs["slug"])

    def filter_articles(self, queryset, obj):
        raise NotImplementedError

    def get_queryset(self):
        self.filter_object = self.get_filter_object()
        return self.filter_articles(super().get_queryset(), self.filter_object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(listing=self.filter_object, **kwargs)


class SectionView(FilteredListView):
    model_class = Section

    def filter_articles(self, queryset, obj):
        return queryset.in_section(obj)


class TagView(FilteredListView):
    model_class = Tag

    def filter_articles(self, queryset, obj):
        return queryset.tagged(obj)


class AuthorView(FilteredListView):
    model_class = Author

    def filter_articles(self, queryset, obj):
        return queryset.by_author(obj)


class CampaignView(FilteredListView):
    model_class = Campaign
    template_name = "articles/campaign_detail.html"

    def get_filter_object(self):
        return get_object_or_404(Campaign.objects.select_related("cover"), slug=self.kwargs["slug"])

    def filter_articles(self, queryset, obj):
        return queryset.in_campaign(obj)
