"""The XML sitemap: every live, public, unexpired page of the current site."""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from .queries import public_q


class PageSitemap(Sitemap):
    def items(self):
        # Wagtail unpublishes expired pages only when ``publish_scheduled`` runs; until then
        # an expired page is still "live" and must not be announced.
        # No page type here overrides ``get_sitemap_urls``, so plain pages will do: loading
        # every specific page would make the sitemap several times slower on a large site.
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .filter(public_q())
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .only("url_path", "last_published_at", "latest_revision_created_at", "path")
            .order_by("path")
        )
