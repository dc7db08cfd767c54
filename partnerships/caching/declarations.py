"""What is computed once per content version (``memo.memoize``), from ``CONTENT_MEMOS``.

The setting lists dotted paths — ``module.function``, ``module.Class.method`` — with the most
keys each may keep. Each entry must be a pure function of stored content and its arguments;
nothing here says *when* a value changes: every change renews the content version, and the
memo starts afresh. Domain code stays unaware of it; the paths are resolved at start-up.
"""

from importlib import import_module

from django.conf import settings
from django.utils.module_loading import import_string

from partnerships.caching.memo import DEFAULT_LIMIT, memoize


def _owner(path):
    try:
        return import_module(path)
    except ImportError:
        return import_string(path)


def declare():
    for path, limit in getattr(settings, "CONTENT_MEMOS", {}).items():
        owner_path, name = path.rsplit(".", 1)
        memoize(_owner(owner_path), name, limit=limit or DEFAULT_LIMIT)
