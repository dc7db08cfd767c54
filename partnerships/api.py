"""The read-only open-data API: Wagtail's own API (``wagtail.api.v2``) at ``/api/v2/``.

- ``pages/``, ``images/``, ``documents/``: Wagtail's endpoints, which show only live pages
  without view restrictions and only images and documents outside restricted collections.
- Further endpoints come from the feature apps through the hook ``register_api_endpoint``
  (a function returning ``(name, viewset class)``), e.g. ``praxisbeispiele/`` with the
  finder's filters; the core names no feature app.
- JSON only (no browsable HTML API, which would need scripts), and at most
  ``API_RATE`` requests per client address (a 429 with a German message beyond). The count is
  kept in the cache; while the cache is unreachable the API answers without a limit rather
  than not at all.
"""

import logging

from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle
from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

logger = logging.getLogger(__name__)


class APIRateThrottle(AnonRateThrottle):
    scope = "api"

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:  # cache down: serve without a limit
            logger.warning("API: Zähler nicht erreichbar, keine Begrenzung", exc_info=True)
            return True

    def get_rate(self):
        from django.conf import settings

        return settings.API_RATE


class OpenDataMixin:
    throttle_classes = [APIRateThrottle]
    renderer_classes = [JSONRenderer]

    def throttled(self, request, wait):
        raise exceptions.Throttled(
            wait,
            detail=(
                "Zu viele Anfragen von Ihrer Adresse. Bitte warten Sie "
                f"{max(1, round(wait or 60))} Sekunden und fragen Sie dann erneut."
            ),
        )


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(OpenDataMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    pass


def build_router():
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PublicPagesAPIViewSet)
    router.register_endpoint("images", PublicImagesAPIViewSet)
    router.register_endpoint("documents", PublicDocumentsAPIViewSet)
    for endpoint in hooks.get_hooks("register_api_endpoint"):
        name, viewset = endpoint()
        router.register_endpoint(name, type(viewset.__name__, (OpenDataMixin, viewset), {}))
    return router
