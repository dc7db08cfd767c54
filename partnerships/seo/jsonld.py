"""Metadata for search engines and social networks: the social image and JSON-LD.

Pages say what they are with ``schema_type`` ("Article", "NewsArticle", "Event") and may offer
a ``published_date``; everything else comes from the fields every page has. Citable pages
(``citable``, ``partnerships.citations``) name the citation's author and the content licence.
A type may add its own fields with ``structured_data(data, request)``, which gets and returns
the object.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from partnerships import routing

SOCIAL_IMAGE_SPEC = "fill-1200x630"
SOCIAL_IMAGE_SIZE = (1200, 630)

# Like django.utils.html.json_script: nothing in the data can end the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a <script type="application/ld+json"> element, safe for any strings."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def site_root_url(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_url if site else ""


def social_image(page, site_settings):
    """The image for sharing ``page``: its own, else the site's default (or None)."""
    image = getattr(page, "card_image", None)
    if image is None and site_settings is not None:
        image = site_settings.default_social_image
    return image


def organisation(site_settings, root_url):
    data = {"@type": "Organization", "name": site_settings.organisation, "url": root_url + "/"}
    if site_settings.email:
        data["email"] = site_settings.email
    if site_settings.phone:
        data["telephone"] = site_settings.phone
    if site_settings.street or site_settings.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": site_settings.street,
            "postalCode": site_settings.postal_code,
            "addressLocality": site_settings.city,
            "addressCountry": "DE",
        }
    return data


def article(page, request, site_settings, image_url):
    url = page.get_full_url(request)
    published = getattr(page, "published_date", None) or page.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": page.schema_type,
        "headline": page.title[:110],
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": "de-DE",
        "author": {"@type": "Organization", "name": site_settings.organisation},
        "publisher": {"@type": "Organization", "name": site_settings.organisation},
    }
    if page.meta_description:
        data["description"] = page.meta_description
    if published:
        data["datePublished"] = published.isoformat()
    modified = page.last_published_at or page.latest_revision_created_at
    if modified:
        data["dateModified"] = modified.isoformat()
    if image_url:
        data["image"] = [image_url]
    if getattr(page, "citable", False):  # partnerships.citations: as the citation names them
        data["author"] = {"@type": "Organization", "name": site_settings.citation_author}
        data["publisher"]["url"] = site_root_url(request) + "/"
        if site_settings.content_licence_url:
            data["license"] = site_settings.content_licence_url
        elif site_settings.content_licence_name:
            data["license"] = {"@type": "CreativeWork", "name": site_settings.content_licence_name}
    return data


def breadcrumb_list(page, request):
    """Home page down to ``page`` (ancestors at depth 2 and below)."""
    crumbs = [*routing.ancestors(page), page]
    items = []
    for position, crumb in enumerate(crumbs, start=1):
        name = "Startseite" if position == 1 else crumb.title
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def structured_data(page, request, site_settings, image_url=""):
    """The JSON-LD objects for ``page``."""
    if not isinstance(page, Page):
        return []
    objects = []
    if page.depth <= 2:
        objects.append(
            {
                "@context": "https://schema.org",
                **organisation(site_settings, site_root_url(request)),
            }
        )
    else:
        if getattr(page, "schema_type", None):
            data = article(page, request, site_settings, image_url)
            # A page type may describe itself further (an Event: dates, place, status).
            describe = getattr(page, "structured_data", None)
            if callable(describe):
                data = describe(data, request)
            objects.append(data)
        objects.append(breadcrumb_list(page, request))
    return objects
