"""Whole-page cache for anonymous visitors, keyed on the content version: hits are answered
in front of Django (``CachingApp``), ``PageCacheMiddleware`` decides what may be stored.
Details: docs/architecture.md and docs/scaling.md.
"""

import gzip
import hashlib
import logging
import math
import re
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from partnerships.caching import requests, version

logger = logging.getLogger(__name__)

VERSION_KEY = "pc:version"
PRIVACY_KEY = "pc:privacy"
ENVIRON_STORE = "partnerships.page_cache.store"
ENVIRON_VERSION = "partnerships.content_version"
ENVIRON_NEXT_CHANGE = "partnerships.content_next_change"
LOCK_SECONDS = 15
REBUILD_KEY = "pc:rebuilding"
RETRY_SECONDS = 1
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
_VARIANT_HEADERS = {"content-length", "content-encoding", "etag"}
_CANONICAL_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?canonical"?')
_S_MAXAGE = re.compile(r"\bs-maxage=\d+")
_local_lock = threading.Lock()


def advance(current, privacy):
    """Raise the shared versions to at least ``current`` and ``privacy``; False if the cache is
    unreachable. Redis does it in one atomic step (``RedisCache.raise_to``)."""
    note(current)
    raise_to = getattr(cache, "raise_to", None)
    if raise_to is not None:
        return raise_to({VERSION_KEY: current, PRIVACY_KEY: privacy})
    with _local_lock:  # local memory: one process, a lock is enough
        found = cache.get_many([VERSION_KEY, PRIVACY_KEY])
        updates = {}
        if found.get(VERSION_KEY, -1) < current:
            updates[VERSION_KEY] = current
        if found.get(PRIVACY_KEY, -1) < privacy:
            updates[PRIVACY_KEY] = privacy
        if updates:
            cache.set_many(updates, timeout=None)
    return True


# The newest version this process has read or made: a hit older than that is stale here even
# while the shared cache has not heard of the change yet (it was unreachable when it committed).
_known = {"version": -1}


def forget():
    """Tests: a rolled-back transaction brings an old version back."""
    _known["version"] = -1


def note(current):
    if current > _known["version"]:
        _known["version"] = current


def known_version():
    return _known["version"]


def rebase(current, privacy):
    """The database's version is below what this process knew: it was set back (a restored
    backup). The database is the truth: forget the higher number here and in the shared cache,
    else every entry would stay stale and be rendered again and again."""
    _known["version"] = current
    if settings.FULL_PAGE_CACHE:
        try:
            cache.set_many({VERSION_KEY: current, PRIVACY_KEY: privacy}, timeout=None)
        except Exception:
            logger.warning("Seiten-Cache nicht erreichbar", exc_info=True)


_retrying = {"thread": None, "version": None}


def _retry_later(current, privacy):
    """The cache missed a change (unreachable): tell it once it answers again, or give up when
    every entry it could hold has expired anyway."""
    _retrying["version"] = (current, privacy)
    if _retrying["thread"] is not None and _retrying["thread"].is_alive():
        return

    def retry():
        deadline = time.monotonic() + settings.PAGE_CACHE_SECONDS
        while time.monotonic() < deadline:
            time.sleep(RETRY_SECONDS)
            try:
                if advance(*_retrying["version"]):
                    return
            except Exception:
                logger.warning("Seiten-Cache nicht erreichbar", exc_info=True)

    _retrying["thread"] = threading.Thread(target=retry, name="page-cache-retry", daemon=True)
    _retrying["thread"].start()


@version.on_change
def _changed(current, privacy):
    if settings.FULL_PAGE_CACHE and not advance(current, privacy):
        _retry_later(current, privacy)


def shared_seconds(next_change):
    """How long shared caches may keep a page now: ``PAGE_CACHE_SECONDS``, but not past the
    next moment of the content clock (``version.read_with_clock``), and at least a second."""
    seconds = settings.PAGE_CACHE_SECONDS
    if next_change is not None and next_change < version.NEVER:
        seconds = min(seconds, max(1, math.floor(next_change - time.time())))
    return seconds


# --- deciding what may be stored (Django middleware) ---------------------------------------


def canonical_url(response):
    """The address a response declares as its own (``Link: <…>; rel="canonical"``)."""
    context = getattr(response, "context_data", None) or {}
    url = context.get("canonical_url") if isinstance(context, dict) else None
    if url:
        return url
    match = _CANONICAL_LINK.search(response.headers.get("Link", ""))
    return match.group(1) if match else None


class PageCacheMiddleware:
    """Marks responses that may be stored; ``CachingApp`` stores them (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        url = canonical_url(response)
        if url and "Link" not in response.headers:
            response.headers["Link"] = f'<{url}>; rel="canonical"'
        if settings.FULL_PAGE_CACHE and self.storable(request, response, url):
            s_maxage = shared_seconds(request.environ.get(ENVIRON_NEXT_CHANGE))
            patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage)
            response.headers.setdefault("Last-Modified", http_date())
            request.environ[ENVIRON_STORE] = True
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def storable(request, response, url):
        environ = request.environ
        site = getattr(request, "_wagtail_site", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cache-Control" not in response
            and "CSRF_COOKIE" not in request.META  # a form with a CSRF token
            and not getattr(request, "is_preview", False)
            and not (hasattr(request, "user") and request.user.is_authenticated)
            and environ.get(ENVIRON_VERSION) is not None
            and requests.entry_key(environ) is not None
            and requests.is_canonical(environ, url)
            and requests.storable_host(environ, getattr(site, "hostname", ""))
            # Unchanged while rendering: Varnish bans only what it holds already, so a page
            # rendered across a change must not be marked public (one small query, misses only).
            and version.read() == environ[ENVIRON_VERSION]
        )


# --- serving and storing (WSGI wrapper) -----------------------------------------------------


def _variant(headers, body, encoding, etag):
    """(header list, body, ETag) for one encoding; weak ETag for gzip like GZipMiddleware."""
    out = [(name, value) for name, value in headers if name.lower() not in _VARIANT_HEADERS]
    if encoding:
        out.append(("Content-Encoding", encoding))
        etag = "W/" + etag
    out += [("Content-Length", str(len(body))), ("ETag", etag)]
    return out, body, etag


def build_entry(status, headers, body, content_version, next_change=None):
    """The stored form of a response: both encodings, ready to send; fresh while
    ``content_version`` is current and until ``next_change`` (unix seconds)."""
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
        "v": content_version,
        "until": version.NEVER if next_change is None else next_change,
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


class CachingApp:
    """WSGI wrapper: normalises the request, answers hits before Django, stores misses."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        requests.normalise(environ)
        key = requests.entry_key(environ) if settings.FULL_PAGE_CACHE else None
        if key is None:
            return self.app(environ, start_response)
        lock_key = None
        try:
            found = cache.get_many([VERSION_KEY, PRIVACY_KEY, key])
            current, privacy = found.get(VERSION_KEY), found.get(PRIVACY_KEY)
            entry = found.get(key)
            if entry is not None and current is not None:
                current = max(current, _known["version"])
                # A moment of the content clock has passed since it was rendered (an event
                # ended): stale, though no change was saved; never a privacy change.
                timely = entry.get("until", version.NEVER) > time.time()
                if entry["v"] >= current and timely:
                    return self.serve(entry, environ, start_response, "hit")
                if entry["v"] >= current or (privacy is not None and entry["v"] >= privacy):
                    # Stale, but nothing was made private since: one request renders (and
                    # renews the version if the clock says so), the others get this copy.
                    # One rebuild at a time for all workers: the others keep answering
                    # from the stale copies instead of queueing behind renders.
                    lock_key = REBUILD_KEY
                    if not cache.add(lock_key, 1, timeout=LOCK_SECONDS):
                        return self.serve(entry, environ, start_response, "stale")
        except Exception:  # the cache is down: serve uncached, never fail
            logger.warning("Seiten-Cache nicht erreichbar", exc_info=True)
            return self.app(environ, start_response)
        if environ["REQUEST_METHOD"] != "GET":
            return self.app(environ, start_response)
        try:
            return self.render_and_store(environ, start_response, key)
        finally:
            if lock_key is not None:
                try:
                    cache.delete(lock_key)
                except Exception:
                    logger.warning("Seiten-Cache nicht erreichbar", exc_info=True)

    @staticmethod
    def serve(entry, environ, start_response, state):
        variant = entry["gzip"] if entry["gzip"] and _accepts_gzip(environ) else entry["identity"]
        headers, body, etag = variant
        if state == "stale":  # for this visitor only: no shared cache may keep it
            headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
            headers.append(("Cache-Control", "private, no-cache"))
        elif entry.get("until", version.NEVER) < version.NEVER:
            # Varnish keeps it for s-maxage from now: only until the next moment of the clock.
            s_maxage = f"s-maxage={shared_seconds(entry['until'])}"
            headers = [
                (k, _S_MAXAGE.sub(s_maxage, v) if k.lower() == "cache-control" else v)
                for k, v in headers
            ]
        if _not_modified(environ, etag, entry["last_modified"]):
            start_response(
                "304 Not Modified",
                [(k, v) for k, v in headers if k.lower() not in ("content-length", "content-type")]
                + [("X-Page-Cache", state)],
            )
            return []
        start_response(entry["status"], [*headers, ("X-Page-Cache", state)])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def render_and_store(self, environ, start_response, key):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, [*headers, ("X-Page-Cache", "miss")], exc_info)

        result = self.app(environ, capture)
        content_version = environ.get(ENVIRON_VERSION)
        next_change = environ.get(ENVIRON_NEXT_CHANGE)
        if not environ.get(ENVIRON_STORE) or content_version is None:
            return result
        if not captured.get("status", "").startswith("200"):
            return result
        if any(name.lower() == "set-cookie" for name, _ in captured["headers"]):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            entry = build_entry(
                captured["status"], captured["headers"], body, content_version[0], next_change
            )
            if entry is not None:
                advance(*content_version)  # after a flush of the cache: from the database
                cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Seite nicht im Cache gespeichert", exc_info=True)
        return [body]


def _accepts_gzip(environ):
    return bool(_ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")))
