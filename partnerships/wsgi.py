"""WSGI entry point: partnerships.wsgi:application."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings.production")

application = get_wsgi_application()

# Requests are normalised and cached pages answered here, before Django runs
# (partnerships/caching/pagecache.py).
from partnerships.caching.pagecache import CachingApp  # noqa: E402

application = CachingApp(application)
