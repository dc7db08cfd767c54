"""What the site-wide code computes once per content version (``memo.memoize``).

Each entry is a pure function of stored content and its arguments; the feature apps declare
their own in their ``AppConfig.ready``. Nothing here says *when* a value changes: every
change renews the content version, and the memo starts afresh.
"""

from .memo import memoize


def declare():
    from partnerships import models, queries
    from partnerships.templatetags import site_tags

    memoize(models.SiteSettings, "_load")  # footer, organisation, sharing image
    memoize(models.HomePage, "featured_pages")
    memoize(models.HomePage, "latest_news")
    memoize(queries, "restricted_paths")  # every listing's view-restriction condition
    memoize(queries, "find_route", limit=20_000)  # visitors choose the paths
    memoize(queries, "shared_page", limit=50_000)
    memoize(site_tags, "load_sections")  # navigation, section tiles, feed links
    memoize(site_tags, "load_feeds")
    memoize(site_tags, "render_main_nav")
    memoize(site_tags, "render_footer")
    memoize(site_tags, "render_picture")  # nine renditions looked up per <picture>
    memoize(site_tags, "social_rendition")
