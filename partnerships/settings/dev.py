"""Local development (`make run`): a development-only secret key, mails to the console.

DEBUG is off unless ``DEBUG=1``: an unknown URL shows the site's German 404 page, as visitors
see it. ``DEBUG=1 make run`` shows Django's debug pages (tracebacks, the URL list on a 404).
"""

import os

from partnerships.settings.base import *  # noqa: F401,F403
from partnerships.settings.base import BASE_DIR

DEBUG = os.environ.get("DEBUG", "") not in ("", "0")
SECRET_KEY = "django-insecure-dev-only-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = BASE_DIR / "staticfiles"
SERVE_MEDIA = True  # uploaded images from media/, with DEBUG on or off
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic needed
WHITENOISE_USE_FINDERS = True
