"""Signed rendition URLs (``/bilder/…``) with a limit on size and operations: broken specs
are 400, specs the site never asks for 404. Details: docs/architecture.md.
"""

import math

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.defaults import bad_request
from wagtail.images import image_operations as ops
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

DEFAULT_MAX_DIMENSION = 2400
DEFAULT_MAX_OPERATIONS = 4
# Longer specs are no use to anyone; renditions store the spec in a 255-character column.
MAX_SPEC_LENGTH = 100
OUTPUT_FORMATS = {"jpeg", "png", "gif", "webp", "avif"}


class RenditionRefused(Exception):
    """The spec is valid but asks for more than the site makes (answered with 404)."""


def max_dimension():
    return getattr(settings, "WAGTAILIMAGES_MAX_RENDITION_DIMENSION", DEFAULT_MAX_DIMENSION)


def max_operations():
    return getattr(settings, "WAGTAILIMAGES_MAX_RENDITION_OPERATIONS", DEFAULT_MAX_OPERATIONS)


def parse(filter_spec):
    """The ``Filter`` for ``filter_spec`` after the checks that need no image.

    Raises ``InvalidFilterSpecError`` for a broken spec, ``RenditionRefused`` for one outside
    the limits."""
    if len(filter_spec) > MAX_SPEC_LENGTH:
        raise RenditionRefused("spec too long")
    filter = Filter(spec=filter_spec)
    operations = filter.operations  # parses; raises InvalidFilterSpecError
    if len(operations) > max_operations():
        raise RenditionRefused("too many operations")
    limit = max_dimension()

    def within(*sizes):
        if not all(1 <= size <= limit for size in sizes):
            raise RenditionRefused(f"size outside 1…{limit}")

    for operation in operations:
        if isinstance(operation, ops.FillOperation | ops.MinMaxOperation):
            within(operation.width, operation.height)
        elif isinstance(operation, ops.WidthHeightOperation):
            within(operation.size)
        elif isinstance(operation, ops.ScaleOperation):
            if not (math.isfinite(operation.percent) and 0 < operation.percent <= 100):
                raise RenditionRefused("scale outside 0…100 %")
        elif isinstance(operation, ops.FormatOperation):
            if operation.format not in OUTPUT_FORMATS:
                raise RenditionRefused(f"output format {operation.format}")
        elif isinstance(operation, ops.TransformOperation):
            # An operation registered by some app later: its output size is unknown.
            raise RenditionRefused(f"unknown transform {operation.method}")
    return filter


def largest_side(filter, image):
    """The longer side of the rendition of ``image``, from its stored size, without opening
    the file.

    For a file with an EXIF rotation the stored size may be the unrotated one; the rendition
    then comes out in the other proportions, but never larger than the original (only
    ``scale`` enlarges), and uploads are limited to 40 megapixels."""
    try:
        return max(filter.get_transform(image).size)
    except (TypeError, ValueError, ZeroDivisionError) as e:  # no usable stored size
        raise RenditionRefused(f"no output size for {image.width}x{image.height}") from e


def is_original(filter):
    return all(isinstance(operation, ops.DoNothingOperation) for operation in filter.operations)


class LimitedServeView(ServeView):
    """Wagtail's ``ServeView`` with the limits above (see the module docstring)."""

    @method_decorator(cache_control(max_age=3600, public=True))
    def get(self, request, signature, image_id, filter_spec, filename=None):
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise PermissionDenied
        try:
            filter = parse(filter_spec)
            image = get_object_or_404(self.model, id=image_id)
            if largest_side(filter, image) > max_dimension():
                if is_original(filter):
                    return redirect(image.file.url)
                raise RenditionRefused("output larger than the limit")
        except InvalidFilterSpecError as e:
            # The site's 400 page, without the traceback in the log that raising would add.
            return bad_request(request, e)
        except RenditionRefused as e:
            raise Http404("Diese Bildgröße gibt es nicht") from e

        try:
            rendition = image.get_rendition(filter)
        except SourceImageIOError:
            return HttpResponse(
                "Die Bilddatei fehlt.", content_type="text/plain; charset=utf-8", status=410
            )
        return getattr(self, self.action)(rendition)
