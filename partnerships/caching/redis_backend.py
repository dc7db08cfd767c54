"""Django's Redis cache back end with one client per pool, where Redis down is a cache miss
(a circuit breaker keeps the outage cheap). Details: docs/architecture.md.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

logger = logging.getLogger(__name__)

# After a failed call, skip Redis this long (seconds) before probing it again.
BREAKER_SECONDS = 5.0
_MISS = object()


def _unreachable_errors():
    from redis import exceptions

    return (
        exceptions.ConnectionError,  # refused, reset, closed, BusyLoadingError
        exceptions.TimeoutError,
        exceptions.ReadOnlyError,  # a replica after failover
        exceptions.OutOfMemoryError,  # maxmemory with noeviction
        OSError,
    )


class Breaker:
    """Per process and Redis location: closed (use Redis) until a call fails, then open
    for ``seconds``; after that one call probes Redis (the others still skip it) and
    closes the breaker on success or opens it again on failure."""

    def __init__(self, location, seconds=BREAKER_SECONDS):
        self.location = location
        self.seconds = seconds
        self.down_since = None  # monotonic time of the first failure of this outage
        self.retry_at = 0.0
        self._lock = threading.Lock()

    @property
    def down(self):
        return self.down_since is not None

    def allow(self):
        if self.down_since is None:
            return True
        now = time.monotonic()
        with self._lock:
            if self.down_since is None:
                return True
            if now < self.retry_at:
                return False
            self.retry_at = now + self.seconds  # this call is the probe
            return True

    def failed(self, operation, error):
        now = time.monotonic()
        with self._lock:
            first = self.down_since is None
            if first:
                self.down_since = now
            self.retry_at = now + self.seconds
        if first:
            logger.warning(
                "Redis-Cache %s nicht erreichbar (%s bei %s: %s). Die Website arbeitet ohne "
                "Cache weiter; nächster Versuch in %.0f s.",
                self.location,
                type(error).__name__,
                operation,
                error,
                self.seconds,
            )

    def succeeded(self):
        if self.down_since is None:
            return
        with self._lock:
            since, self.down_since = self.down_since, None
        if since is not None:
            logger.warning(
                "Redis-Cache %s wieder erreichbar (nach %.1f s ohne Cache).",
                self.location,
                time.monotonic() - since,
            )


_breakers = {}
_breakers_lock = threading.Lock()


def _breaker_for(location):
    """One breaker per process and location: Django makes a cache object per thread."""
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            breaker = _breakers[location] = Breaker(location)
        return breaker


def cache_available(alias="default"):
    """False while the Redis behind cache ``alias`` is known to be unreachable (from the first
    failed call until the first successful one). Always True for other back ends."""
    breaker = getattr(caches[alias], "breaker", None)
    return breaker is None or not breaker.down


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


# Atomic "raise to at least" for non-negative integers kept as strings (Lua numbers are
# doubles and lose 64-bit digits): versions in the cache never go back, whatever the order in
# which two committed changes report.
_RAISE_LUA = """
local function less(a, b)
  if #a ~= #b then return #a < #b end
  return a < b
end
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if (not current) or less(current, ARGV[i]) then redis.call('SET', key, ARGV[i]) end
end
return 1
"""


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.breaker = _breaker_for(",".join(self._servers))
        self._errors = _unreachable_errors()

    def _guarded(self, miss, operation, *args):
        """Django's ``operation(*args)``, or ``miss`` if Redis is unreachable or skipped."""
        if not self.breaker.allow():
            return miss
        try:
            result = getattr(super(), operation)(*args)
        except self._errors as error:
            self.breaker.failed(operation, error)
            return miss
        self.breaker.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, "has_key", key, version)

    def incr(self, key, delta=1, version=None):
        result = self._guarded(_MISS, "incr", key, delta, version)
        if result is _MISS:
            raise ValueError(f"Key '{key}' not found (Redis unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that were not stored.
        return self._guarded(list(data), "set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        self._guarded(None, "delete_many", keys, version)

    def clear(self):
        return self._guarded(False, "clear")

    def raise_to(self, mapping):
        """Set each key to at least its value (non-negative integers) in one atomic step;
        False if Redis is unreachable (see ``partnerships.caching.pagecache.advance``)."""
        if not self.breaker.allow():
            return False
        keys = [self.make_and_validate_key(key) for key in mapping]
        try:
            client = self._cache.get_client(write=True)
            client.eval(_RAISE_LUA, len(keys), *keys, *(int(v) for v in mapping.values()))
        except self._errors as error:
            self.breaker.failed("raise_to", error)
            return False
        self.breaker.succeeded()
        return True
