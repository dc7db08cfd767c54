"""Optional second factor (TOTP, django-otp) for every login; required for superusers with
``ADMIN_REQUIRE_2FA``. Details: docs/architecture.md.
"""

from urllib.parse import quote

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "zwei_faktor_einrichten"
CODE_URL_NAME = "zwei_faktor_code"

# The login pages: the admin's and Wagtail's public one (where view restrictions send
# visitors). A session that has passed the password is sent on to the second step from there.
LOGIN_URL_NAMES = ("wagtailadmin_login", "wagtailcore_login")
PUBLIC_LOGIN_URL_NAME = "wagtailcore_login"

# Admin views that stay reachable before the second factor: logging out, resetting the
# password, the icons and translations every admin page loads.
EXEMPT_URL_NAMES = (
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
)

# Views that see the signed-in user before the second factor besides the step's own page:
# logging out (Wagtail's logout view is for logged-in users only) ends the half login.
SIGNED_IN_URL_NAMES = ("wagtailadmin_logout",)

# Set on the request by a password login (Django's ``login``): the user it logged in.
PASSWORD_LOGIN_ATTRIBUTE = "_two_factor_password_login"
STEP_ATTRIBUTE = "_two_factor_step"


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def two_factor_required(user):
    return bool(settings.ADMIN_REQUIRE_2FA) and user.is_superuser


def second_step(user):
    """The page that completes this login (code or setup), or None if the login is complete."""
    if not user.is_authenticated:
        return None
    if getattr(user, "otp_device", None) is not None:
        return None
    if confirmed_device(user):
        return CODE_URL_NAME
    if two_factor_required(user):
        return SETUP_URL_NAME
    return None


def url_name(request):
    try:
        return resolve(request.path_info).url_name or ""
    except Resolver404:
        return ""


def anonymous():
    user = AnonymousUser()
    user.otp_device = None  # as django-otp's OTPMiddleware marks every user
    user.is_verified = lambda: False
    return user


def step_url(step, next_url):
    url = reverse(step)
    return f"{url}?next={quote(next_url, safe='/')}" if next_url else url


@receiver(user_logged_in)
def note_password_login(sender, request, user, **kwargs):
    if request is not None:
        setattr(request, PASSWORD_LOGIN_ATTRIBUTE, user)


class TwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``: a login is only a login once its second factor
    is done.

    Until then (a confirmed device not yet used in this session, or a superuser under
    ``ADMIN_REQUIRE_2FA`` without one) ``request.user`` is anonymous for every view – public
    pages and their view restrictions, documents, the admin – except the one page that
    completes the login (code or setup), which needs to know whose code it checks, and the
    logout. The admin
    and the login pages send such a session to that page, and a password login whose user
    owes a second factor continues there instead of to its ``next`` address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user
        request.user = SimpleLazyObject(lambda: self.visible_user(request, signed_in))

        async def auser():
            return await sync_to_async(self.visible_user)(request, signed_in)

        request.auser = auser
        target = self.redirect_target(request, signed_in)
        if target:
            return redirect(target)
        response = self.get_response(request)
        return self.continue_after_password(request, response)

    @staticmethod
    def pending_step(request, signed_in):
        if not hasattr(request, STEP_ATTRIBUTE):
            setattr(request, STEP_ATTRIBUTE, second_step(signed_in))
        return getattr(request, STEP_ATTRIBUTE)

    def visible_user(self, request, signed_in):
        step = self.pending_step(request, signed_in)
        if step is None:
            return signed_in
        name = url_name(request)
        if name == step or name in SIGNED_IN_URL_NAMES:
            return signed_in
        return anonymous()

    def redirect_target(self, request, signed_in):
        # reverse() includes the script prefix, as request.path does (path_info does not).
        public_login = request.path == reverse(PUBLIC_LOGIN_URL_NAME)
        if not (public_login or request.path_info.startswith(settings.ADMIN_URL_PREFIX)):
            return None
        step = self.pending_step(request, signed_in)
        if step is None:
            return None
        name = url_name(request)
        if name in LOGIN_URL_NAMES:
            # The password is done; the code is next (a POST may still log in someone else).
            if request.method == "POST":
                return None
            return step_url(step, request.GET.get("next", ""))
        if name == step or name.startswith(EXEMPT_URL_NAMES):
            return None
        return step_url(step, request.get_full_path())

    @staticmethod
    def continue_after_password(request, response):
        user = getattr(request, PASSWORD_LOGIN_ATTRIBUTE, None)
        if user is None or response.status_code not in (301, 302, 303):
            return response
        step = second_step(user)
        if step is None:
            return response
        redirected = redirect(step_url(step, response["Location"]))
        for cookie in response.cookies.values():  # the new session's cookie
            redirected.cookies[cookie.key] = cookie
        return redirected
