"""A Redis cache that degrades to "no cache" while Redis is unreachable.

The cache only ever holds values that can be computed again (versioned page fragments,
counters of unread notifications, rate-limit and throttle counters), so an outage of Redis
must cost speed, never a page: reads answer "not cached", writes are dropped (``add``
answers True, so cache locks do not block), and each failure is logged. Rate limits and
API throttles therefore do not count while Redis is down (they fail open); see
docs/reliability.md.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _unavailable(operation, error):
    logger.warning("Cache unavailable (%s): %s: %s", operation, type(error).__name__, error)


class ResilientRedisCache(RedisCache):
    """Django's :class:`RedisCache` where an unreachable server means a miss, not an error."""

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _unavailable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _unavailable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            _unavailable("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """As Django's; while Redis is unreachable it answers True ("you hold the key"), so
        cache-based locks (allauth's rate-limit lock) let the request through."""
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            _unavailable("add", error)
            return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            _unavailable("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            _unavailable("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            _unavailable("touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        """As Django's; an unreachable server counts as a missing key (ValueError)."""
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            _unavailable("incr", error)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from error

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            _unavailable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except RedisError as error:
            _unavailable("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            _unavailable("clear", error)
            return False
