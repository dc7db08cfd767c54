"""Small formatting filters: German dates and numbers, page type labels, heading anchors, dict
lookup."""

from django import template

from partnerships.blocks import heading_anchors as _heading_anchors
from partnerships.formatting import german_number
from partnerships.models import base as models

register = template.Library()


@register.filter
def de_date(value):
    """Dates the German way: 24.04.2007."""
    return value.strftime("%d.%m.%Y") if value else ""


@register.filter
def de_number(value):
    """Counts the German way: 1.234 (``USE_THOUSAND_SEPARATOR`` stays off, so years and ids
    elsewhere are never grouped)."""
    try:
        return german_number(int(value))
    except (TypeError, ValueError):
        return value


@register.filter
def type_label(page):
    """A short German label for the kind of ``page``, e.g. "Praxisbeispiel"."""
    return models.type_label(page.specific_class or type(page))


@register.filter
def heading_anchors(stream):
    return _heading_anchors(stream)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def urlencode_params(params):
    """``{"a": "b"}`` as ``?a=b`` (nothing for an empty mapping), for links with a filter."""
    from urllib.parse import urlencode

    return "?" + urlencode(params) if params else ""
