"""Optional second factor (TOTP, django-otp) for the Wagtail admin.

- Any admin user can set up an authenticator app under "Zwei-Faktor-Anmeldung" (QR code,
  confirmed with a first code).
- A user with a confirmed device enters a code after the password before reaching the admin
  (``TwoFactorMiddleware`` sends unverified sessions to the code page).
- With ``ADMIN_REQUIRE_2FA`` on, a superuser without a device is sent to the setup page and
  can use nothing else in the admin until it is done.
- Wrong codes are refused with a German message; django-otp throttles attempts per device
  (``OTP_TOTP_THROTTLE_FACTOR``: after n failures the next try waits 2^(n-1) seconds).
- ``manage.py reset_2fa <username>`` removes a user's devices (lost phone).
"""

from base64 import b32encode
from urllib.parse import quote

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
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


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code aus der Authenticator-App",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="Sechs Ziffern; die App zeigt alle 30 Sekunden einen neuen Code.",
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                "Zu viele falsche Codes. Bitte warten Sie einen Moment und versuchen Sie es "
                "dann erneut.",
                code="throttled",
            )
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                "Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code aus "
                "Ihrer Authenticator-App ein.",
                code="invalid",
            )
        return code


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(url):
    """The otpauth:// URL as an inline SVG (drawn here: the secret never leaves the server)."""
    code = qrcode.QRCode(box_size=15, border=4, image_factory=qrcode.image.svg.SvgPathImage)
    code.add_data(url)
    svg = code.make_image().to_string(encoding="unicode")
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="QR-Code" ', 1))  # noqa: S308 - generated by qrcode, no user input


def readable_secret(device):
    """The key for typing into an app by hand, in groups of four characters."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def code_view(request):
    """Second step of the login: the code from the authenticator app."""
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url(request))
    return TemplateResponse(
        request,
        "partnerships/admin/two_factor_code.html",
        {"form": form, "next": next_url(request)},
    )


def setup_view(request):
    """Set up (or, where not required, switch off) the second factor for the current user."""
    user = request.user
    device = confirmed_device(user)
    if device is not None:
        return manage_view(request, device)
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name="Authenticator-App")
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Die Zwei-Faktor-Anmeldung ist eingerichtet.")
        return redirect(next_url(request))
    return TemplateResponse(
        request,
        "partnerships/admin/two_factor_setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "secret": readable_secret(device),
            "required": two_factor_required(user),
            "next": request.GET.get("next", ""),
        },
    )


def manage_view(request, device):
    required = two_factor_required(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and not required and form.is_valid():
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, "Die Zwei-Faktor-Anmeldung ist ausgeschaltet.")
        return redirect(reverse(SETUP_URL_NAME))
    return TemplateResponse(
        request,
        "partnerships/admin/two_factor_manage.html",
        {"form": form, "required": required, "device": device},
    )
