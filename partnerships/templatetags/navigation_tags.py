"""Navigation: the site root and its sections, main menu, footer, breadcrumbs, pagination links."""

from django import template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page, Site

from partnerships import routing
from partnerships.models.base import teaser_expression
from partnerships.models.settings import SiteSettings

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


def site_sections(context):
    """The live, public children of the home page (menu, section links, news feeds), with
    their teasers and search hints (read once per request)."""
    request = context.get("request")
    root = site_root(context)
    if root is None:
        return []
    cached = getattr(request, "_site_sections", None) if request is not None else None
    if cached is not None:
        return cached
    sections = load_sections(root)
    if request is not None:
        request._site_sections = sections
    return sections


def load_sections(root):
    models = [
        model
        for model in root.specific_class.allowed_subpage_models()
        if any(f.name == "teaser" and f.concrete for f in model._meta.get_fields())
    ]
    children = root.get_children().live().filter(routing.public_q())
    teaser = teaser_expression(models)
    if teaser is not None:
        children = children.annotate(teaser=teaser)
    sections = list(children)
    for section in sections:
        if teaser is None:
            section.teaser = ""
        section.search_hint = getattr(section.specific_class, "search_hint", "")
    return sections


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The main navigation (``includes/main_nav.html``). It differs between pages only by the
    section marked as current (exactly or below it) and the home page."""
    request = context.get("request")
    root = site_root(context)
    current = context.get("page")
    items = [section for section in site_sections(context) if section.show_in_menus]
    active_path = current.url_path if isinstance(current, Page) else ""
    is_home = root is not None and isinstance(current, Page) and current.pk == root.pk
    section = next((i.url_path for i in items if in_section(i.url_path, active_path)), "")
    return render_main_nav(request, root, section, section == active_path, is_home)


def render_main_nav(request, root, section, exact, is_home):
    """The navigation HTML with ``section`` (a url_path) marked current."""
    items = [s for s in load_sections(root) if s.show_in_menus] if root is not None else []
    # The template marks the section containing ``active_path``; ``exact``: the section itself.
    active_path = section if exact else (section + "~/" if section else "")
    values = {
        "request": request,
        "root": root,
        "items": items,
        "active_path": active_path,
        "is_home": is_home,
    }
    return render_to_string("includes/main_nav.html", values)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (``includes/site_footer.html``): the same on every page of a site (and
    year, for the copyright line)."""
    return render_footer(context.get("request"), timezone.now().year)


def render_footer(request, year):
    site_settings = SiteSettings.for_request(request) if request is not None else None
    values = {"request": request, "site_settings": site_settings}
    return render_to_string("includes/site_footer.html", values)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, extra_label=None):
    """Ancestors from the home page down; the current page is the last, unlinked crumb."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    ancestors = routing.ancestors(page)
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "page": page,
        "extra_label": extra_label,
        "crumbs": True,
    }


@register.filter
def in_section(section_path, active_path):
    """True if ``active_path`` (a url_path) lies in the section starting at ``section_path``."""
    return bool(section_path and active_path and str(active_path).startswith(section_path))


@register.simple_tag(takes_context=True)
def section_pages(context):
    """The menu pages below the home page, with their teasers (see ``site_sections``)."""
    return [section for section in site_sections(context) if section.show_in_menus]


@register.simple_tag(takes_context=True)
def news_index(context):
    """The news section below the home page (where news items live), or None."""
    return feed_section(site_sections(context))


def feed_section(sections):
    """The first of ``sections`` whose type has feeds (``IndexPage.has_feeds``), or None."""
    return next((s for s in sections if getattr(s.specific_class, "has_feeds", False)), None)


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


@register.simple_tag(takes_context=True)
def easy_language_page(context):
    """The live page in Leichte Sprache below the home page (the header links it on every
    page), or None. Taken from the home page's children, which the menu reads anyway: no
    query of its own."""
    from partnerships.models.easy_language import EasyLanguagePage

    return next(
        (s for s in site_sections(context) if issubclass(s.specific_class, EasyLanguagePage)),
        None,
    )
