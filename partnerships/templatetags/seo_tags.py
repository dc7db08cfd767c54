"""Metadata in the page head: description, Open Graph, JSON-LD, news feeds."""

from django import template
from wagtail.models import Page

from partnerships.models.settings import SiteSettings
from partnerships.seo import jsonld
from partnerships.templatetags import image_tags, navigation_tags

register = template.Library()


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """Absolute URLs of the RSS and Atom feeds of the site's news section, or None."""
    request = context.get("request")
    root = navigation_tags.site_root(context)
    if request is None or root is None:
        return None
    if not hasattr(request, "_news_feeds"):
        request._news_feeds = load_feeds(request, root)
    return request._news_feeds


def load_feeds(request, root):
    # Index pages are only placed below the home page (parent_page_types).
    index = navigation_tags.feed_section(navigation_tags.load_sections(root))
    if index is None:
        return None
    base = index.get_full_url(request)
    routes = index.specific_class
    return {
        "title": index.title,
        "rss": base + routes.get_resolver().reverse("feed"),
        "atom": base + routes.get_resolver().reverse("atom"),
    }


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context):
    """Description, Open Graph and Twitter card tags and JSON-LD for the current page."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        return {"page": None}
    site_settings = SiteSettings.for_request(request)
    root_url = jsonld.site_root_url(request)
    image = jsonld.social_image(page, site_settings)
    rendition = image_tags.social_rendition(image) if image is not None else None
    image_url = ""
    if rendition is not None:
        image_url = rendition.url if "://" in rendition.url else root_url + rendition.url
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": page.meta_description,
        "url": page.get_full_url(request),
        "og_type": "website" if page.depth <= 2 else "article",
        "published": getattr(page, "published_date", None),
        "image": image,
        "image_url": image_url,
        "rendition": rendition,
        "json_ld": [
            jsonld.json_ld_script(obj)
            for obj in jsonld.structured_data(page, request, site_settings, image_url)
        ],
    }
