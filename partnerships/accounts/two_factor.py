"""Optional second factor (TOTP, django-otp) for the admin; required for superusers with
``ADMIN_REQUIRE_2FA``. Details: docs/architecture.md.
"""

from urllib.parse import quote

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "zwei_faktor_einrichten"
CODE_URL_NAME = "zwei_faktor_code"

# Admin views that stay reachable before the second factor: logging in and out, resetting the
# password, the icons and translations every admin page loads, and the code page.
EXEMPT_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    CODE_URL_NAME,
)


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def two_factor_required(user):
    return bool(settings.ADMIN_REQUIRE_2FA) and user.is_superuser


class TwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``: keeps unverified sessions out of the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        target = self.redirect_target(request)
        if target:
            return redirect(f"{reverse(target)}?next={quote(request.get_full_path(), safe='/')}")
        return self.get_response(request)

    def redirect_target(self, request):
        user = getattr(request, "user", None)
        if not request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return None
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        try:
            url_name = resolve(request.path_info).url_name or ""
        except Resolver404:
            return None
        if url_name.startswith(EXEMPT_URL_NAMES):
            return None
        if confirmed_device(user):
            return CODE_URL_NAME
        if url_name == SETUP_URL_NAME:
            return None
        if two_factor_required(user):
            return SETUP_URL_NAME
        return None
