"""Caching in one place: one content version (``version``) and everything keyed on it
(``memo``, ``pagecache``, ``frontend``; request inputs in ``requests``). See docs/scaling.md.
"""

from partnerships.caching.memo import memoize
from partnerships.caching.version import bulk_changes

__all__ = ["bulk_changes", "memoize"]
