from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the current site (cached on the request)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page if site else None
    return request._site_root


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    root = site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(root.get_children().live().public().in_menu().only("title", "url_path"))
    active_path = current.url_path if isinstance(current, Page) else ""
    return {
        "request": request,
        "root": root,
        "items": items,
        "active_path": active_path,
        "is_home": root is not None and isinstance(current, Page) and current.pk == root.pk,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, extra_label=None):
    """Ancestors from the home page down; the current page is the last, unlinked crumb."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    ancestors = list(page.get_ancestors().filter(depth__gte=2).only("title", "url_path"))
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "page": page,
        "extra_label": extra_label,
        "crumbs": True,
    }


@register.filter
def de_date(value):
    """Dates the German way: 24.04.2007."""
    return value.strftime("%d.%m.%Y") if value else ""
