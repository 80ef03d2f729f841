from django.contrib.sitemaps import Sitemap

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at").latest_first()

    def lastmod(self, article: Article):
        return article.updated_at


sitemaps = {"articles": ArticleSitemap}
