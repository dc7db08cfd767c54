"""The XML sitemap: every live, public, unexpired page of the current site."""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    def items(self):
        # Wagtail unpublishes expired pages only when ``publish_scheduled`` runs; until then
        # an expired page is still "live" and must not be announced.
        return super().items().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
