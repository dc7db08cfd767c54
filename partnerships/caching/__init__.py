"""Caching, in one place: one content version, and everything keyed on it.

* ``version``: one number in the database, raised in the transaction of every content change;
  after commit it reaches the page cache and the HTTP caches in front.
* ``memo``: values each process computes once per content version (site, navigation,
  settings, restrictions, routes, rendered fragments, listings), declared in the setting
  ``CONTENT_MEMOS``.
* ``pagecache``: whole responses for anonymous visitors in the shared cache (Redis), fresh
  while their version is current, served stale only while one request rebuilds them and never
  across a privacy change.
* ``requests``: the request inputs that shape a response — normalised, keyed on or refused.
* ``frontend``: one BAN to Varnish (or all page URLs to a CDN) after every change.

Domain models, template tags and templates know nothing of this; a new page type needs no
caching code. See docs/scaling.md.
"""

from partnerships.caching.memo import memoize
from partnerships.caching.version import bulk_changes

__all__ = ["bulk_changes", "memoize"]
