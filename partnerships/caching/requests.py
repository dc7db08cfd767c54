"""What of a request may shape a cached answer: each input is normalised, part of the key,
or refused. Details: docs/architecture.md.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": "80", "https": "443"}


def scheme(environ):
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        value = environ.get(header[0], "").split(",", 1)[0].strip().lower()
        return "https" if value == header[1] else "http"
    return "https" if environ.get("wsgi.url_scheme") == "https" else "http"


def _normal_host(value, url_scheme):
    host = value.strip().lower()
    name, colon, port = host.rpartition(":")
    if not colon or "]" in port:  # no port (or the end of an IPv6 address)
        name, port = host, ""
    name = name.rstrip(".")
    if port == DEFAULT_PORTS[url_scheme]:
        port = ""
    return f"{name}:{port}" if port else name


def normalise(environ):
    """Rewrite ``environ`` in place so equivalent requests look the same (see module doc)."""
    environ["SCRIPT_NAME"] = settings.FORCE_SCRIPT_NAME or ""
    environ.pop("SCRIPT_URL", None)
    environ.pop("REDIRECT_URL", None)
    url_scheme = scheme(environ)
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        environ[header[0]] = url_scheme
    for name in ("HTTP_HOST", "HTTP_X_FORWARDED_HOST"):
        if environ.get(name):
            environ[name] = _normal_host(environ[name], url_scheme)
    return environ


def host(environ):
    if settings.USE_X_FORWARDED_HOST and environ.get("HTTP_X_FORWARDED_HOST"):
        return environ["HTTP_X_FORWARDED_HOST"].split(",", 1)[0].strip()
    if environ.get("HTTP_HOST"):
        return environ["HTTP_HOST"]
    url_scheme = scheme(environ)
    return _normal_host(
        f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT')}", url_scheme
    )


def storable_host(environ, site_hostname):
    """True for the site's own hostname, the server's name and literal ``ALLOWED_HOSTS``, on the
    default port or the port the server listens on: a bounded set of keys."""
    name, _, port = host(environ).partition(":")
    if port and port != str(environ.get("SERVER_PORT")):
        return False
    literal = {h.lower() for h in settings.ALLOWED_HOSTS if not h.startswith((".", "*"))}
    return name in literal | {site_hostname, environ.get("SERVER_NAME", "").lower()}


def sorted_query(query):
    """The query string with its parameters in a fixed order, or None if it cannot be read."""
    if not query:
        return ""
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    return urlencode(sorted(pairs))


def entry_key(environ):
    """The cache key of a GET/HEAD request that may be answered from the cache, else None."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if _has_bypass_cookie(environ.get("HTTP_COOKIE", "")):
        return None
    path = environ.get("PATH_INFO", "")
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDE_PREFIXES)):
        return None
    query = sorted_query(environ.get("QUERY_STRING", ""))
    if query is None:
        return None
    raw = f"{scheme(environ)}://{host(environ)}{path}?{query}"
    return "pc:e:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def is_canonical(environ, canonical_url):
    """True if the request asked for exactly ``canonical_url`` (path and query, any order)."""
    if not canonical_url:
        return False
    parts = urlsplit(canonical_url)
    path = environ.get("PATH_INFO", "")
    prefix = settings.FORCE_SCRIPT_NAME or ""
    if parts.path != prefix + path:
        return False
    return sorted_query(environ.get("QUERY_STRING", "")) == sorted_query(parts.query)


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
