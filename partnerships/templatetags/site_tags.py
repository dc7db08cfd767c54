from django import template
from django.http import QueryDict
from wagtail.models import Page, Site

from partnerships.blocks import heading_anchors as _heading_anchors

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


@register.filter
def in_section(section_path, active_path):
    """True if ``active_path`` (a url_path) lies in the section starting at ``section_path``."""
    return bool(section_path and active_path and str(active_path).startswith(section_path))


@register.simple_tag(takes_context=True)
def section_pages(context):
    """The menu pages below the home page, with their teasers (one query per page type)."""
    root = site_root(context)
    if root is None:
        return []
    return list(root.get_children().live().public().in_menu().specific().defer_streamfields())


@register.simple_tag(takes_context=True)
def page_link(context, params=None, page=None):
    """The current path with ``params`` (a dict or QueryDict) and ``page`` set.

    Used by pagination: filters and the search query are kept; page 1 drops the parameter.
    """
    request = context.get("request")
    if params is None or params == "":  # not given (an empty dict means: keep nothing)
        params = request.GET if request is not None else {}
    query = QueryDict(mutable=True)
    for key in params:
        if key == "page":
            continue
        values = params.getlist(key) if hasattr(params, "getlist") else [params[key]]
        query.setlist(key, [v for v in values if v not in (None, "")])
    if page is not None and int(page) > 1:
        query["page"] = page
    path = request.path if request is not None else ""
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


@register.filter
def card_image(page):
    """The image for a page's teaser card: its listing image, else its hero/lead image."""
    for name in ("listing_image", "hero_image", "image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


# What visitors read as the kind of a page (search results, teaser cards); editors' names
# such as "Standardseite" mean little to them.
TYPE_LABELS = {
    "partnerships.homepage": "Startseite",
    "partnerships.standardpage": "Seite",
    "concepts.conceptindexpage": "Übersicht",
    "concepts.conceptpage": "Konzept",
    "casestudies.casestudyindexpage": "Übersicht",
    "casestudies.casestudypage": "Praxisbeispiel",
    "news.newsindexpage": "Übersicht",
    "news.newspage": "Meldung",
}


@register.filter
def type_label(page):
    """A short German label for the kind of ``page``, e.g. "Praxisbeispiel"."""
    model = page.specific_class or type(page)
    return TYPE_LABELS.get(model._meta.label_lower, model._meta.verbose_name)


@register.filter
def heading_anchors(stream):
    return _heading_anchors(stream)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""
