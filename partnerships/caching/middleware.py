"""Per request: read the content version once, before any data, and use the memo built under it."""

from django.http.request import split_domain_port
from wagtail.models import Site

from partnerships.caching import memo, pagecache, version
from partnerships.caching.pagecache import ENVIRON_NEXT_CHANGE, ENVIRON_VERSION


class ContentVersionMiddleware:
    """Reads the content version (one indexed query; public pages and the admin alike), hands it
    and the next moment of the content clock to the page cache, the version to the memo, and
    gives Wagtail the site from the memo."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = version.read_with_clock()
        content_version = None if state is None else state[:2]
        request.environ[ENVIRON_VERSION] = content_version
        request.environ[ENVIRON_NEXT_CHANGE] = None if state is None else state[2]
        if content_version is not None:
            if content_version[0] < pagecache.known_version():
                pagecache.rebase(*content_version)
            pagecache.note(content_version[0])
        memo.begin_request(request, content_version)
        try:
            site = _site(request)
            if site is not None:
                request._wagtail_site = site
            return self.get_response(request)
        finally:
            memo.end_request()


def _site(request):
    """Wagtail's ``Site.find_for_request`` from the memo (by hostname and port)."""
    shared = memo.current()
    if shared is None:
        return None
    try:
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
    except Exception:  # an odd Host header: let Wagtail and Django answer it
        return None
    return shared.get("site", (hostname, port), lambda: _find_site(request), 1000)


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # The home page, specific, with everything Wagtail caches on it, kept with the site.
        site.root_page = site.root_page.specific
    return site
