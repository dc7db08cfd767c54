"""Security headers that Django's SecurityMiddleware does not send."""

from csp.constants import HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from django.conf import settings


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware plus ``Permissions-Policy``.

    The enforced CSP skips the Wagtail admin (``EXCLUDE_URL_PREFIXES``); the report-only
    policy is meant for the admin alone, so it is dropped everywhere else.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            del response[HEADER_REPORT_ONLY]
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
