"""New users without a password are invited by e-mail to set their own."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def send_invitation(user):
    """E-mail a new user a link to set their own password (Wagtail's reset confirm view)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
    }
    send_mail(
        f"Einladung: {settings.WAGTAIL_SITE_NAME}",
        render_to_string("partnerships/admin/invitation_email.txt", context),
        None,
        [user.email],
    )
