from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktuelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships.caching import memoize

        from .models import NewsIndexPage, NewsPage

        # Read every news item: once per content version (partnerships.caching.memo).
        memoize(NewsIndexPage, "archive_years")
        memoize(NewsIndexPage, "news_count")
        memoize(NewsPage, "tag_list", limit=20_000)
