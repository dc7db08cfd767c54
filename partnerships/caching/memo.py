"""The content memo: values computed once per process and content version, declared in the
setting ``CONTENT_MEMOS``; ``CONTENT_MEMO=0`` switches it off. Details: docs/architecture.md.
"""

import copy
import functools
import inspect
import threading
from collections import OrderedDict

from django.conf import settings
from django.db.models import Model

from partnerships.caching import version

_MISSING = object()
_lock = threading.Lock()
_process = {"memo": None}  # the newest memo this process has built
_local = threading.local()  # the request this thread serves and its memo

# Keys per group at most (groups whose keys visitors choose: filters, search terms, routes).
DEFAULT_LIMIT = 5000


class Memo:
    """Values computed under one content version; each group an LRU of bounded size."""

    def __init__(self, version):
        self.version = version
        self._groups = {}

    def get(self, group, key, build, limit):
        with _lock:
            values = self._groups.setdefault(group, OrderedDict())
            value = values.get(key, _MISSING)
        if value is not _MISSING:
            return value
        value = build()
        with _lock:  # threaded workers may evict at the same time
            values[key] = value
            while len(values) > limit:
                values.popitem(last=False)
        return value


def enabled():
    return getattr(settings, "CONTENT_MEMO", True)


def begin_request(request, content_version):
    """Pick the memo for ``content_version`` (from ``version.read``) for this thread's request."""
    _local.request = request
    _local.memo = None
    version.reset_request()
    if content_version is None or not enabled():
        return
    with _lock:
        memo = _process["memo"]
        if memo is None or memo.version != content_version[0]:
            memo = _process["memo"] = Memo(content_version[0])
    _local.memo = memo


def end_request():
    _local.request = None
    _local.memo = None


def forget():
    """Drop this process's memo (tests: a rolled-back transaction restores an old version)."""
    _local.memo = None
    _process["memo"] = None


version.on_change(lambda *_: forget())


def _origin(request):
    """What of the request may shape a memoized value: site, scheme and script prefix."""
    origin = getattr(request, "_memo_origin", None)
    if origin is None:
        from django.urls import get_script_prefix
        from wagtail.models import Site

        site = Site.find_for_request(request)
        origin = request._memo_origin = (
            getattr(site, "pk", None),
            request.scheme,
            get_script_prefix(),
        )
    return origin


def current():
    """The memo usable now, or None (outside requests, off, preview, admin, after a change)."""
    memo = getattr(_local, "memo", None)
    if memo is None or version.changed_in_this_request():
        return None
    request = _local.request
    if getattr(request, "is_preview", False) or request.path_info.startswith(
        settings.ADMIN_URL_PREFIX
    ):
        return None
    return memo


def memo(group, key, build, limit=DEFAULT_LIMIT):
    """``build()``, computed once per content version, origin, ``group`` and ``key``."""
    memo = current()
    if memo is None:
        return build()
    return memo.get(group, (_origin(_local.request), key), build, limit)


def _key_part(value):
    if isinstance(value, Model):
        return (type(value)._meta.label_lower, value.pk)
    if isinstance(value, list | set):
        return tuple(value)
    return value


# Arguments that are not part of a key: the request (its origin is, see ``_origin``).
UNKEYED = frozenset({"request"})


def memoize(owner, name, limit=DEFAULT_LIMIT, copy_result=False):
    """Make ``owner.name`` (a module function, a method or a classmethod) memoized.

    The key is the arguments (model instances by type and id, ``self`` by id) except the
    request, whose site, scheme and script prefix are part of every key; a returned object
    that callers change (Wagtail stores the request on site settings) is copied with
    ``copy_result``. Applied once at start-up (``declarations``).
    """
    raw = inspect.getattr_static(owner, name)
    group = f"{getattr(owner, '__qualname__', owner.__name__)}.{name}"
    is_class_method = isinstance(raw, classmethod)
    function = raw.__func__ if is_class_method else raw
    signature = inspect.signature(function)
    names = list(signature.parameters)
    keyed = [i for i, n in enumerate(names) if n not in UNKEYED]

    @functools.wraps(function)
    def memoized(*args, **kwargs):
        if kwargs:  # rare: bind to the parameter names, defaults included
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            values = bound.arguments
            key = tuple(_key_part(values[n]) for n in names if n not in UNKEYED and n in values)
        else:
            key = tuple(_key_part(args[i]) for i in keyed if i < len(args))
        value = memo(group, key, lambda: function(*args, **kwargs), limit)
        return copy.copy(value) if copy_result else value

    memoized.__wrapped_for_memo__ = function
    setattr(owner, name, classmethod(memoized) if is_class_method else memoized)
    return memoized
