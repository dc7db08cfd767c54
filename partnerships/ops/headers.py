"""The full set of security headers on every response (README, "Security headers")."""

from csp.constants import HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.security import SecurityMiddleware

# Wagtail's preview views (pages, snippets: ``…/edit/preview/``, ``…/add/…/preview/``).
PREVIEW_SUFFIX = "/preview/"


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware plus ``Permissions-Policy`` and the headers of Django's
    ``SecurityMiddleware`` (HSTS over HTTPS, nosniff, Referrer-Policy, COOP).

    The outermost middleware (``X-Frame-Options`` comes from Django's middleware right inside
    it): whatever answers further in – the HTTPS redirect, the trailing-slash redirect, a 400
    for an unknown host raised in another middleware, WhiteNoise, the health check, error
    pages – passes through here, so no response can miss a header.

    The enforced CSP skips the Wagtail admin (``EXCLUDE_URL_PREFIXES``); the report-only
    policy is meant for the admin alone, so it is dropped everywhere else.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        # Only its response headers: its HTTPS redirect stays further in (inside the page
        # cache's middleware, which marks the redirect private). A request that raises in
        # there (DisallowedHost) never reaches its process_response.
        self.django_security = SecurityMiddleware(get_response)

    def process_response(self, request, response):
        # A preview (``request.is_preview``: Wagtail renders the public page for the admin,
        # under the page's own path) belongs to the admin: it gets the admin's report-only
        # policy, and the page editor shows it in an iframe of its own, which the public
        # page's "frame-ancestors 'none'" and "X-Frame-Options: DENY" would block.
        preview = getattr(request, "is_preview", False)
        if preview:
            response._csp_exempt = True
        response = super().process_response(request, response)
        in_admin = request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        if not in_admin and not preview:
            del response[HEADER_REPORT_ONLY]
        if preview or (in_admin and request.path_info.endswith(PREVIEW_SUFFIX)):
            # Only previews may be framed, and only by the admin itself (same origin).
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return self.django_security.process_response(request, response)
