"""Pictures: card images, responsive <picture> elements, the alt-text marker for previews."""

from django import template
from django.template.loader import render_to_string

from partnerships.editorial.content_checks import ALT_TEXT_MISSING_MARKER
from partnerships.seo import jsonld

register = template.Library()


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
    (``partnerships.editorial.content_checks``). ``None`` everywhere else: no attribute at all."""
    if not getattr(request, "is_preview", False) or image is None:
        return None
    if getattr(image, "is_decorative", True) or (getattr(image, "description", "") or "").strip():
        return None
    return ALT_TEXT_MISSING_MARKER


def social_rendition(image):
    return image.get_rendition(jsonld.SOCIAL_IMAGE_SPEC)
