"""WSGI entry point: partnerships.wsgi:application."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings.production")

application = get_wsgi_application()

# Cached pages are answered here, before Django runs (partnerships/cache.py).
from partnerships.cache import PageCacheApp  # noqa: E402

application = PageCacheApp(application)
