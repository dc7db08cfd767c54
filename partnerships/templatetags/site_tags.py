from django import template
from django.apps import apps
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page, Site

from partnerships import queries, seo
from partnerships.blocks import heading_anchors as _heading_anchors
from partnerships.content_checks import ALT_TEXT_MISSING_MARKER
from partnerships.models import SiteSettings

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


def _teaser_expression(models):
    """The ``teaser`` of pages of any of ``models`` in one query (LEFT JOINs to their tables)."""
    names = [f"{model._meta.model_name}__teaser" for model in models]
    if not names:
        return None
    return Coalesce(*names) if len(names) > 1 else F(names[0])


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
    children = root.get_children().live().filter(queries.public_q())
    teaser = _teaser_expression(models)
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
    ancestors = queries.ancestors(page)
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
    """The menu pages below the home page, with their teasers (see ``site_sections``)."""
    return [section for section in site_sections(context) if section.show_in_menus]


@register.simple_tag(takes_context=True)
def news_index(context):
    """The news section below the home page (where news items live), or None."""
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    for section in site_sections(context):
        if section.specific_class is not None and issubclass(section.specific_class, NewsIndexPage):
            return section
    return None


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


# --- Metadata ---------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """Absolute URLs of the RSS and Atom feeds of the site's news section, or None."""
    request = context.get("request")
    root = site_root(context)
    if request is None or root is None:
        return None
    if not hasattr(request, "_news_feeds"):
        request._news_feeds = load_feeds(request, root)
    return request._news_feeds


def load_feeds(request, root):
    # A news index may only be placed below the home page (parent_page_types).
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    index = next(
        (
            s
            for s in load_sections(root)
            if s.specific_class is not None and issubclass(s.specific_class, NewsIndexPage)
        ),
        None,
    )
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
    root_url = seo.site_root_url(request)
    image = seo.social_image(page, site_settings)
    rendition = social_rendition(image) if image is not None else None
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
            seo.json_ld_script(obj)
            for obj in seo.structured_data(page, request, site_settings, image_url)
        ],
    }


def social_rendition(image):
    return image.get_rendition(seo.SOCIAL_IMAGE_SPEC)


@register.simple_tag(takes_context=True)
def responsive_picture(context, image, sizes="", eager=False):
    """``includes/picture_render.html`` for ``image``; previews mark missing alt text for the
    content checks."""
    if image is None:
        return ""
    marker = content_check_marker(image, context.get("request"))
    return render_picture(image, sizes or "", bool(eager), marker)


def render_picture(image, sizes, eager, marker):
    """The ``<picture>`` element: its HTML depends only on the image and the arguments."""
    values = {"image": image, "sizes": sizes, "eager": eager, "marker": marker}
    return render_to_string("includes/picture_render.html", values)


@register.filter
def content_check_marker(image, request):
    """In previews only: marks an image whose alternative text is missing (not decorative, no
    "Alternativtext", so its title stands in) for the editor's content checks
    (``partnerships.content_checks``). ``None`` everywhere else: no attribute at all."""
    if not getattr(request, "is_preview", False) or image is None:
        return None
    if getattr(image, "is_decorative", True) or (getattr(image, "description", "") or "").strip():
        return None
    return ALT_TEXT_MISSING_MARKER
