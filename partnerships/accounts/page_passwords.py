"""Throttled password forms of Wagtail's view restrictions (pages and private documents).

Wagtail's own views check a page or collection password as often as anyone asks. These
wrappers count the wrong ones with django-axes, exactly like logins (``AXES_FAILURE_LIMIT``
per pseudo-username and client address, ``AXES_COOLOFF_TIME``): each restriction is the
pseudo-user ``seitenpasswort:<id>`` or ``dokumentpasswort:<id>``. Once the limit is reached
the answer is a German 429 with ``Retry-After`` and the password is not even checked, so the
right one is refused too until the cool-off has passed; the right one before that resets the
count. ``partnerships/urls.py`` routes Wagtail's URLs here, ahead of Wagtail's own patterns.
"""

import math
from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

PAGE_PREFIX = "seitenpasswort"
DOCUMENT_PREFIX = "dokumentpasswort"
LOCKED_TEMPLATE = "partnerships/password_locked.html"


def seconds_left(request, username):
    """Seconds until the latest counted failure of this restriction and address expires."""
    cool_off = get_cool_off(request)
    if cool_off is None:  # locked for good (AXES_COOLOFF_TIME = None): one day
        return 24 * 60 * 60
    latest = AccessAttempt.objects.filter(
        username=username, ip_address=request.axes_ip_address
    ).aggregate(latest=Max("attempt_time"))["latest"]
    if latest is None:
        return int(cool_off.total_seconds())
    return max(1, math.ceil((latest + cool_off - timezone.now()).total_seconds()))


def locked_response(request, username):
    seconds = seconds_left(request, username)
    response = TemplateResponse(
        request,
        LOCKED_TEMPLATE,
        {"minutes": max(1, math.ceil(seconds / 60))},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    return response


def throttled(view, prefix, restriction_argument):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        username = f"{prefix}:{kwargs[restriction_argument]}"
        credentials = get_credentials(username)
        if not AxesProxyHandler.is_allowed(request, credentials):
            return locked_response(request, username)
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseRedirect):  # the password was right
            if settings.AXES_RESET_ON_SUCCESS:
                AxesProxyHandler.reset_attempts(
                    ip_address=request.axes_ip_address, username=username
                )
            return response
        AxesProxyHandler.user_login_failed(sender=wrapper, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            # This view answers for itself; AxesMiddleware would show the login lockout page.
            request.axes_locked_out = False
            return locked_response(request, username)
        return response

    return wrapper


page_password = throttled(
    page_views.authenticate_with_password, PAGE_PREFIX, "page_view_restriction_id"
)
document_password = throttled(
    document_views.authenticate_with_password, DOCUMENT_PREFIX, "restriction_id"
)
