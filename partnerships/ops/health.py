"""The health check for load balancers and Varnish: ``GET /healthz/`` without database."""

from django.http import HttpResponse

HEALTH_CHECK_PATH = "/healthz/"


class HealthCheckMiddleware:
    """``GET /healthz/`` answers ``ok`` before any other middleware runs.

    For Varnish's probe and load balancers: no database, no Host check (probes often use the
    bare IP address), no HTTPS redirect, never cached. It says "this process serves requests";
    a database outage is handled by the 503 page and, in front, by Varnish's grace mode.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_CHECK_PATH and request.method in ("GET", "HEAD"):
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
