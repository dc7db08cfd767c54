"""The HTTP caches in front (Varnish, a CDN): emptied once after every committed change.

Varnish (``deploy/varnish/default.vcl``) gets one ``BAN /`` per change, which drops every
stored object of every host; it stores only what the app marked ``public`` and coalesces the
requests for a page being fetched again, so the first visitor after a change renders it and
the others wait for that one answer. CDN back ends of ``wagtail.contrib.frontend_cache``
(Cloudflare, CloudFront) have no "everything" in Wagtail's API: they get the addresses of all
live pages in batches. Configured by ``WAGTAILFRONTENDCACHE`` (see settings).
"""

import logging
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

from partnerships.caching import version

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


def _backends():
    return getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}


def ban_everything():
    """One BAN to each Varnish, all page addresses to each CDN; failures are logged only."""
    configured = _backends()
    if not configured:
        return
    for name, backend in configured.items():
        try:
            if backend["BACKEND"] == HTTP_BACKEND:
                _ban(backend["LOCATION"])
            else:
                _purge_all_pages(name)
        except Exception:
            logger.exception("Frontend-Cache %s konnte nicht geleert werden", name)


def _ban(location):
    from wagtail.models import Site

    hosts = {urlsplit(root.root_url).netloc for root in Site.get_site_root_paths()} or {"localhost"}
    request = Request(location.rstrip("/") + "/", method="BAN", headers={"Host": sorted(hosts)[0]})
    urlopen(request, timeout=5).close()  # noqa: S310 - configured LOCATION


def _purge_all_pages(name):
    from wagtail.contrib.frontend_cache.utils import get_backends
    from wagtail.models import Page

    backend = get_backends(backend_settings={name: _backends()[name]})[name]
    urls = [page.full_url for page in Page.objects.live().filter(depth__gte=2).specific()]
    backend.purge_batch([url for url in urls if url])


@version.on_change
def _changed(current, privacy):
    ban_everything()
