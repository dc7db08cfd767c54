import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

# Seconds a client (or the proxy in front) should wait before retrying during an outage.
RETRY_AFTER = 30


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def is_database_outage(exc):
    """True if ``exc`` or anything in its chain means the database cannot be reached."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request):
    """The handler for every unhandled exception (views and middleware alike).

    A database that is down or unreachable is not a bug: visitors get the German maintenance
    page with 503 and ``Retry-After``. No context processors or database access in either
    page: the database may be the reason we are here.
    """
    if is_database_outage(sys.exc_info()[1]):
        logger.warning("Database unavailable, answering 503: %s", request.path)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    # True to what happens: the error is logged; a mail goes out only with ADMINS set.
    context = {"admins_notified": bool(settings.ADMINS)}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
