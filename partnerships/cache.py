"""Whole-page cache for anonymous visitors, and its exact invalidation.

How it fits together:

* ``PageCacheMiddleware`` (in ``MIDDLEWARE``) decides whether a response may be cached: an
  anonymous GET of a public page, status 200, no cookie set, no CSRF token used (no form),
  no ``Cache-Control`` of its own (views that say ``private``/``no-store`` keep it), not a
  preview. It marks such responses ``Cache-Control: public, max-age=0, s-maxage=N`` (browsers
  revalidate with the ETag, shared caches keep the page until purged) and flags the request.
* ``PageCacheApp`` wraps the WSGI application (``partnerships/wsgi.py``). Hits are answered
  there, before Django builds a request: no session, no database, no middleware. On a miss it
  stores the final bytes and the complete header set (security headers and CSP included) as
  two variants, gzip and identity, so no hit is compressed again.
* Invalidation works with generations instead of listing keys: every entry records the
  generation of its path (``/aktuelles/``) and the global generation at the time it was
  rendered; a hit is valid only while both are unchanged. Giving a path a new generation
  drops all its variants at once (``?page=2``, ``?tag=…``, filters) in one write. Changes that
  show on every page (navigation, breadcrumbs, footer, site settings) renew the global one.
  Generations are random tokens read *before* rendering, so a page rendered from data that
  changed meanwhile is stored under a generation that is already out of date: never served.
* ``affected_paths`` computes what shows a page, snippet, image or document; ``invalidate``
  renews those generations after the transaction commits and purges the front-end cache
  (Varnish) when ``wagtail.contrib.frontend_cache`` is configured.

The cache must be shared by all worker processes (Redis, ``REDIS_URL``): with per-process
local memory an invalidation would reach only one worker, so production switches the page
cache off without Redis (see ``settings/production.py``).
"""

import gzip
import hashlib
import logging
import re
import secrets
import threading
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

ENVIRON_STORE = "partnerships.page_cache.store"
# Views that are not pages but are cached (and invalidated with every page change).
CACHED_VIEW_PATHS = {"/sitemap.xml"}
_YEAR_ROUTE = re.compile(r"[1-9][0-9]{0,3}/")
GLOBAL_GEN_KEY = "pc:gen:*"
EVERYTHING = "*"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
# Headers of a stored response that differ between the gzip and the identity variant.
_VARIANT_HEADERS = {"content-length", "content-encoding", "etag"}


# --- keys -------------------------------------------------------------------------------


def _bypass_cookies():
    return (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    )


def _has_bypass_cookie(cookie_header):
    if not cookie_header:
        return False
    names = {part.split("=", 1)[0].strip() for part in cookie_header.split(";")}
    return any(name in names for name in _bypass_cookies())


def _is_secure(environ):
    header = settings.SECURE_PROXY_SSL_HEADER
    if header and header[0] in environ:
        return environ[header[0]].split(",", 1)[0].strip() == header[1]
    return environ.get("wsgi.url_scheme") == "https"


def _host(environ):
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    return environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"


def path_gen_key(path):
    return "pc:gen:" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def request_keys(environ):
    """(path generation key, entry key) for a cacheable request, else None.

    Only GET/HEAD without session, CSRF or message cookies, outside the excluded prefixes
    (admin, search, documents, static, media), with known query parameters each given once:
    unknown parameters would make the key space unbounded (``?utm_source=…``).
    """
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if _has_bypass_cookie(environ.get("HTTP_COOKIE", "")):
        return None
    path = environ.get("PATH_INFO", "")
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDE_PREFIXES)):
        return None
    query = environ.get("QUERY_STRING", "")
    if query:
        try:
            pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
        except ValueError:
            return None
        names = [name for name, _ in pairs]
        if len(names) != len(set(names)) or not set(names) <= settings.PAGE_CACHE_QUERY_PARAMS:
            return None
        if any(len(value) > 100 for _, value in pairs):
            return None
        query = urlencode(sorted(pairs))
    scheme = "https" if _is_secure(environ) else "http"
    raw = f"{scheme}://{_host(environ)}{path}?{query}"
    entry_key = "pc:e:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return path_gen_key(path), entry_key


def _accepts_gzip(environ):
    return bool(_ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")))


# --- deciding what may be cached (Django middleware) --------------------------------------


class PageCacheMiddleware:
    """Marks responses that may be cached; ``PageCacheApp`` stores them (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.FULL_PAGE_CACHE and self.cacheable(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
            )
            response.headers.setdefault("Last-Modified", http_date())
            request.environ[ENVIRON_STORE] = True
        return response

    @staticmethod
    def cacheable(request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cache-Control" not in response
            and "CSRF_COOKIE" not in request.META  # a form with a CSRF token
            and not getattr(request, "is_preview", False)
            and request_keys(request.environ) is not None
            and not (hasattr(request, "user") and request.user.is_authenticated)
            and is_known_path(request)
        )


@hooks.register("before_serve_page")
def _remember_served_page(page, request, serve_args, serve_kwargs):
    request.page_cache_page = page


def is_known_path(request):
    """True if invalidation knows this path: a page's own URL, a sub-route of a news index
    that ``affected_paths`` names, or a cached non-page view. Anything else that answers 200
    (``/aktuelles/02025/`` shows the year 2025) would be invisible to invalidation."""
    page = getattr(request, "page_cache_page", None)
    if page is None:
        return request.path in CACHED_VIEW_PATHS
    own = relative_paths(page.url_path)
    if request.path in own:
        return True
    if isinstance(page, apps.get_model("news", "NewsIndexPage")):
        for base in own:
            rest = request.path.removeprefix(base)
            if rest != request.path and (rest in ("feed/", "atom/") or _YEAR_ROUTE.fullmatch(rest)):
                return True
    return False


# --- serving and storing (WSGI wrapper) ---------------------------------------------------


def _variant(headers, body, encoding, etag):
    """(header list, body, ETag) for one encoding; weak ETag for gzip like GZipMiddleware."""
    out = [(name, value) for name, value in headers if name.lower() not in _VARIANT_HEADERS]
    if encoding:
        out.append(("Content-Encoding", encoding))
        etag = "W/" + etag
    out += [("Content-Length", str(len(body))), ("ETag", etag)]
    return out, body, etag


def build_entry(status, headers, body, gens):
    """The stored form of a response: both encodings, ready to send."""
    encoding = next((v for k, v in headers if k.lower() == "content-encoding"), None)
    if encoding not in (None, "gzip"):
        return None
    if encoding == "gzip":
        gz, identity = body, gzip.decompress(body)
    else:
        identity = body
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        compressible = content_type.startswith(_COMPRESSIBLE) and len(body) >= 200
        gz = gzip.compress(body, compresslevel=6, mtime=0) if compressible else None
    vary = next((v for k, v in headers if k.lower() == "vary"), "")
    if gz is not None and "accept-encoding" not in vary.lower():
        headers = [(k, v) for k, v in headers if k.lower() != "vary"]
        headers.append(("Vary", f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"))
    last_modified = next((v for k, v in headers if k.lower() == "last-modified"), None)
    # The same value as Django's ConditionalGetMiddleware gives the uncached response.
    etag = '"' + hashlib.md5(identity, usedforsecurity=False).hexdigest() + '"'
    return {
        "gens": gens,
        "status": status,
        "identity": _variant(headers, identity, None, etag),
        "gzip": _variant(headers, gz, "gzip", etag) if gz is not None else None,
        "last_modified": parse_http_date_safe(last_modified) if last_modified else None,
    }


def _not_modified(environ, etag, last_modified):
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        wanted = etag.removeprefix("W/")
        return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified is not None and last_modified <= since


class PageCacheApp:
    """WSGI wrapper: answers cache hits before Django, stores flagged misses."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        keys = request_keys(environ) if settings.FULL_PAGE_CACHE else None
        if keys is None:
            return self.app(environ, start_response)
        gen_key, entry_key = keys
        try:
            found = cache.get_many([GLOBAL_GEN_KEY, gen_key, entry_key])
            gens = (found.get(GLOBAL_GEN_KEY), found.get(gen_key))
            entry = found.get(entry_key)
            if entry is not None and None not in gens and entry["gens"] == gens:
                return self.serve(entry, environ, start_response)
            if environ["REQUEST_METHOD"] == "GET":
                gens = self.current_gens(gen_key, gens)
        except Exception:  # the cache is down: serve uncached, never fail
            logger.warning("Seiten-Cache nicht erreichbar", exc_info=True)
            return self.app(environ, start_response)
        if environ["REQUEST_METHOD"] != "GET":
            return self.app(environ, start_response)
        return self.render_and_store(environ, start_response, entry_key, gen_key, gens)

    @staticmethod
    def current_gens(gen_key, gens):
        """The generations valid now (read before rendering), created where missing.

        A path's generation lives longer than any entry stored under it (it is touched on
        every store), so a missing generation means no entry can be valid.
        """
        timeout = settings.PAGE_CACHE_SECONDS * 2
        global_gen, path_gen = gens
        if global_gen is None:
            cache.add(GLOBAL_GEN_KEY, secrets.token_hex(8), timeout=None)
            global_gen = cache.get(GLOBAL_GEN_KEY)
        if path_gen is None:
            cache.add(gen_key, secrets.token_hex(8), timeout=timeout)
            path_gen = cache.get(gen_key)
        return (global_gen, path_gen)

    @staticmethod
    def serve(entry, environ, start_response):
        variant = entry["gzip"] if entry["gzip"] and _accepts_gzip(environ) else entry["identity"]
        headers, body, etag = variant
        if _not_modified(environ, etag, entry["last_modified"]):
            start_response(
                "304 Not Modified",
                [(k, v) for k, v in headers if k.lower() not in ("content-length", "content-type")]
                + [("X-Page-Cache", "hit")],
            )
            return []
        start_response(entry["status"], [*headers, ("X-Page-Cache", "hit")])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def render_and_store(self, environ, start_response, entry_key, gen_key, gens):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, [*headers, ("X-Page-Cache", "miss")], exc_info)

        result = self.app(environ, capture)
        if not environ.get(ENVIRON_STORE) or not captured.get("status", "").startswith("200"):
            return result
        if any(name.lower() == "set-cookie" for name, _ in captured["headers"]):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            entry = build_entry(captured["status"], captured["headers"], body, gens)
            if entry is not None:
                cache.set(entry_key, entry, timeout=settings.PAGE_CACHE_SECONDS)
                cache.touch(gen_key, timeout=settings.PAGE_CACHE_SECONDS * 2)
        except Exception:
            logger.warning("Seite nicht im Cache gespeichert", exc_info=True)
        return [body]


# --- what shows what ----------------------------------------------------------------------


def _site_roots():
    return Site.get_site_root_paths()


def relative_paths(url_path):
    """The request paths under which a page with this ``url_path`` is served (one per site)."""
    return {
        "/" + url_path[len(root.root_path) :]
        for root in _site_roots()
        if url_path.startswith(root.root_path)
    }


def _shows_everywhere(page):
    """Home page, sections and pages directly below the home page appear on every page.

    Navigation (``in_menu`` children of the home page), section tiles, breadcrumbs (titles of
    all ancestors), footer links (legal pages) and the feed links in every ``<head>``.
    """
    return page.depth <= 3 or page.numchild > 0


def _pages_paths(pages):
    paths = set()
    for url_path in pages.values_list("url_path", flat=True):
        paths |= relative_paths(url_path)
    return paths


def affected_paths(page):
    """Paths whose HTML shows ``page`` in its current database state, or EVERYTHING.

    The page itself, its ancestors (listings and the home page with their variants), the
    sitemap, for news the feeds and year archives, for case studies their siblings ("more
    case studies" cards), and every page linking to it or linked from it (featured items,
    rich-text links, concepts citing case studies and back). Site settings referencing it
    (footer links, default image) make it EVERYTHING.
    """
    if _shows_everywhere(page):
        return EVERYTHING
    paths = set(relative_paths(page.url_path))
    for path in list(paths):
        parts = path.strip("/").split("/")
        paths |= {"/" + "/".join(parts[:n]) + ("/" if n else "") for n in range(len(parts))}
    paths |= {"/sitemap.xml"}
    page_class = page.specific_class
    parent = page.get_parent()
    NewsPage = apps.get_model("news", "NewsPage")
    if page_class is not None and issubclass(page_class, NewsPage):
        years = NewsPage.objects.child_of(parent).dates("date", "year")
        for parent_path in relative_paths(parent.url_path):
            paths |= {parent_path + "feed/", parent_path + "atom/"}
            paths |= {f"{parent_path}{d.year}/" for d in years}
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    if page_class is not None and issubclass(page_class, CaseStudyPage):
        paths |= _pages_paths(page.get_siblings(inclusive=False))
    ConceptPage = apps.get_model("concepts", "ConceptPage")
    if page_class is not None and issubclass(page_class, ConceptPage):
        # The case-study filter offers every concept page (``?konzept=``).
        paths |= _pages_paths(apps.get_model("casestudies", "CaseStudyIndexPage").objects.live())
    linked = _linked_pages(page)
    if linked is EVERYTHING:
        return EVERYTHING
    return paths | linked


def _linked_pages(obj):
    """Paths of pages referencing ``obj`` and pages ``obj`` references; EVERYTHING for settings."""
    page_ct_ids = set()
    page_ids = set()
    refs = list(ReferenceIndex.get_references_to(obj).select_related("content_type"))
    if isinstance(obj, Page):
        refs_out = ReferenceIndex.get_references_for_object(obj)
        page_ids |= {
            int(r.to_object_id)
            for r in refs_out.select_related("to_content_type")
            if r.to_content_type.model_class() and issubclass(r.to_content_type.model_class(), Page)
        }
    for ref in refs:
        model = ref.content_type.model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            page_ids.add(int(ref.object_id))
            page_ct_ids.add(ref.content_type_id)
        elif model._meta.label_lower == "partnerships.sitesettings":
            return EVERYTHING
    page_ids.discard(getattr(obj, "pk", None) if isinstance(obj, Page) else None)
    if not page_ids:
        return set()
    return _pages_paths(Page.objects.filter(pk__in=page_ids, live=True))


def affected_paths_for_object(obj):
    """Paths showing a snippet, image or document, or EVERYTHING."""
    model = type(obj)
    label = model._meta.label_lower
    if label in ("partnerships.sitesettings", "wagtailcore.site"):
        return EVERYTHING
    paths = set()
    # Page types using it through a ForeignKey or (Parental)ManyToManyField: every page of
    # that type (their cards of related pages show it too, e.g. "more case studies"), every
    # page listing that type (the filter form shows all snippets) and the home page. One
    # query per type, whatever the number of pages. Images and documents are found exactly
    # through the reference index below (every page type has an image field).
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    media = model in (get_image_model(), get_document_model())
    for rel in [] if media else model._meta.related_objects:
        related = rel.related_model
        if not isinstance(related, type):
            continue
        if related._meta.label_lower == "partnerships.sitesettings":
            if related.objects.filter(**{rel.field.name: obj}).exists():
                return EVERYTHING
            continue
        if not issubclass(related, Page) or not related.objects.filter(live=True).exists():
            continue
        paths |= _pages_paths(related.objects.live()) | {"/"}
        for parent_model in related.allowed_parent_page_models():
            paths |= _pages_paths(parent_model.objects.live())
    # Pages using it in StreamField/rich text/foreign keys (images, documents).
    ref_page_ids = set()
    for ref in ReferenceIndex.get_references_to(obj).select_related("content_type"):
        source = ref.content_type.model_class()
        if source is None:
            continue
        if issubclass(source, Page):
            ref_page_ids.add(int(ref.object_id))
        elif source._meta.label_lower == "partnerships.sitesettings":
            return EVERYTHING
    for page in Page.objects.filter(pk__in=ref_page_ids, live=True):
        result = affected_paths(page)
        if result is EVERYTHING:
            return EVERYTHING
        paths |= result
    return paths


# --- invalidation -------------------------------------------------------------------------


def invalidate(paths):
    """Drop the cached pages for ``paths`` (request paths) or EVERYTHING, after commit.

    Renews the generation of each path (all query variants go with it) and purges the same
    URLs from the front-end cache when ``wagtail.contrib.frontend_cache`` is configured.
    """
    if not paths:
        return
    transaction.on_commit(lambda: _invalidate_now(paths))


def _invalidate_now(paths):
    try:
        if paths is EVERYTHING:
            cache.set(GLOBAL_GEN_KEY, secrets.token_hex(8), timeout=None)
        else:
            timeout = settings.PAGE_CACHE_SECONDS * 2
            cache.set_many({path_gen_key(p): secrets.token_hex(8) for p in paths}, timeout=timeout)
    except Exception:
        logger.exception("Seiten-Cache konnte nicht geleert werden")
    _purge_frontend_cache(paths)


def _purge_frontend_cache(paths):
    if not (
        apps.is_installed("wagtail.contrib.frontend_cache")
        and getattr(settings, "WAGTAILFRONTENDCACHE", None)
    ):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    roots = {root.root_url.rstrip("/") for root in _site_roots()}
    if paths is EVERYTHING:
        if _ban_everything(roots):
            return
        paths = _pages_paths(Page.objects.live().filter(depth__gte=2)) | {"/sitemap.xml"}
    urls = [root + path for root in sorted(roots) for path in sorted(paths)]
    try:
        purge_urls_from_cache(urls)
    except Exception:
        logger.exception("Frontend-Cache konnte nicht geleert werden")


def _ban_everything(roots):
    """One BAN per host to each Varnish (deploy/varnish/default.vcl) instead of a PURGE per page.

    True when every configured front-end cache is a Varnish (HTTPBackend); a CDN gets the URLs.
    """
    from urllib.parse import urlsplit
    from urllib.request import Request, urlopen

    backends = settings.WAGTAILFRONTENDCACHE.values()
    if any(b["BACKEND"] != "wagtail.contrib.frontend_cache.backends.HTTPBackend" for b in backends):
        return False
    for backend in backends:
        location = backend["LOCATION"].rstrip("/")
        for root in roots:
            request = Request(location + "/", method="BAN", headers={"Host": urlsplit(root).netloc})
            try:
                urlopen(request, timeout=5).close()  # noqa: S310 - configured LOCATION
            except OSError:
                logger.exception("Frontend-Cache (%s) konnte nicht geleert werden", location)
    return True


_bulk = threading.local()


@contextmanager
def bulk_changes():
    """Skip the per-page invalidation inside (bulk loads), then drop everything once."""
    _bulk.active = True
    try:
        yield
    finally:
        _bulk.active = False
        from . import snapshot

        snapshot.bump()  # bulk writes may bypass the signals that renew the content version
        if _page_cache_active():
            invalidate(EVERYTHING)


def _page_cache_active():
    if getattr(_bulk, "active", False):
        return False
    return settings.FULL_PAGE_CACHE or (
        apps.is_installed("wagtail.contrib.frontend_cache")
        and getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


# --- signals ------------------------------------------------------------------------------


def _invalidate_page(page):
    if _page_cache_active():
        invalidate(affected_paths(page))


@receiver(pre_save)
def _before_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A live page saved in full (publishing, unpublishing): what showed its old state.

    Catches the old URL (slug change), the old news year, old links. Draft saves pass
    ``update_fields`` and change nothing visible.
    """
    if raw or update_fields is not None or not isinstance(instance, Page) or not instance.pk:
        return
    if not _page_cache_active():
        return
    old = Page.objects.filter(pk=instance.pk, live=True).first()
    if old is not None:
        invalidate(affected_paths(old))


@receiver(page_published)
@receiver(page_unpublished)
def _after_publication_change(sender, instance, **kwargs):
    transaction.on_commit(lambda: _invalidate_page_now(instance.pk))


def _invalidate_page_now(pk):
    page = Page.objects.filter(pk=pk).first()
    if page is not None and _page_cache_active():
        _invalidate_now(affected_paths(page))


@receiver(post_page_move)
def _after_move(sender, instance, url_path_before, url_path_after, **kwargs):
    if not _page_cache_active():
        return
    old_paths = set()
    for path in relative_paths(url_path_before):  # the old URLs of the page and its subtree
        old_paths.add(path)
    descendants = Page.objects.descendant_of(instance, inclusive=True).values_list(
        "url_path", flat=True
    )
    for url_path in descendants:
        old_url_path = url_path_before + url_path[len(url_path_after) :]
        old_paths |= relative_paths(old_url_path) | relative_paths(url_path)
    parents = [kwargs.get("parent_page_before"), kwargs.get("parent_page_after")]
    for parent in filter(None, parents):
        parent = Page.objects.get(pk=parent.pk)
        result = affected_paths(parent) if parent.depth > 1 else set()
        if result is EVERYTHING:
            invalidate(EVERYTHING)
            return
        old_paths |= result
    invalidate(old_paths)
    transaction.on_commit(lambda: _invalidate_page_now(instance.pk))


@receiver(pre_delete)
def _before_delete(sender, instance, **kwargs):
    if not _page_cache_active():
        return
    if isinstance(instance, Page):
        # Deleting a page deletes its base Page row too: handle that one instance only.
        if type(instance) is Page and instance.live:
            invalidate(affected_paths(instance))
    elif _is_content_object(sender):
        invalidate(affected_paths_for_object(instance))


@receiver(post_save)
def _after_object_save(sender, instance, raw=False, **kwargs):
    if raw or not _page_cache_active() or not _is_content_object(sender):
        return
    invalidate(affected_paths_for_object(instance))


def _is_content_object(model):
    """Snippets, images, documents, site settings and sites: content shown on pages."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    if model in (get_image_model(), get_document_model(), Site):
        return True
    if model._meta.label_lower == "partnerships.sitesettings":
        return True
    return model in get_snippet_models()
