from django.apps import apps

from partnerships.models.base import BasePage


class NoticeBoardPage(BasePage):
    """Shows the titles of the three newest news items; nothing about caching."""

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Schwarzes Brett"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = apps.get_model("news", "NewsPage").objects.live().order_by("-date", "-pk")
        context["titles"] = list(news.values_list("title", flat=True)[:3])
        return context
