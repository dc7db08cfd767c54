"""Production: everything from the environment, HTTPS behind a proxy, refuses weak secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from partnerships.settings.base import *  # noqa: F401,F403
from partnerships.settings.base import env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY fehlt oder ist zu schwach: setzen Sie die Umgebungsvariable SECRET_KEY auf "
        "mindestens 50 zufällige Zeichen (z. B. python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS fehlt: kommagetrennte Liste der Hostnamen setzen.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [f"https://{h}" for h in ALLOWED_HOSTS]

# The proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = os.environ.get("USE_X_FORWARDED_HOST", "") == "1"
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# HSTS, nosniff, Referrer-Policy, COOP and X-Frame-Options: see base.py (all environments).
if SECURE_HSTS_SECONDS < 180 * 24 * 60 * 60:  # noqa: F405
    raise ImproperlyConfigured("SECURE_HSTS_SECONDS muss mindestens 15552000 (180 Tage) sein.")
# HSTS preload is deliberately off (the one silenced deployment check): submitting the domain to
# the browsers' preload list is a one-way decision for the whole domain and all its subdomains,
# which the client's IT has to take, not this application.
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W021", *SILENCED_SYSTEM_CHECKS]  # noqa: F405

# The page cache needs a cache shared by all gunicorn workers: with local memory a change
# would invalidate the copy of one worker only and the others would serve the old page.
if not REDIS_URL:  # noqa: F405
    FULL_PAGE_CACHE = False

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
# A hanging mail server must not hold a worker (the contact form sends while answering).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Mails every server error to ADMINS (nothing while ADMINS is empty; fails silently).
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "django_tasks": {"level": "WARNING"},
    },
}
