"""Cached values that the code changing their data invalidates: versioned cache keys.

A cached value depends on named *versions* (``"inbox:42"``, ``"nav:cities"`` …). The value is
stored under a key that includes the current token of each, so :func:`bump`-ing a version
(done by the domain functions and signal handlers that change the data) makes every value
that depends on it unreachable at once; nothing is ever served across a bump.

:func:`bump` writes a new token now (the same transaction and the tests see the change at
once) and again after the transaction commits, so a reader that computed the old data in between
cannot leave it behind under the new version. A version that is missing (never set, or
evicted) starts from the clock in nanoseconds, never from a token used before.

Inside :func:`versions_remembered` (a cached page's request) each version is read once: the
page, the figures it shows and its header depend on the same versions and ask for them in
one round trip, not one each.
"""

import hashlib
import itertools
import os
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

MISSING = object()
PREFIX = "cv"


def _version_key(name):
    return f"{PREFIX}:v:{name}"


_tokens = itertools.count()


def _new_versions(names):
    """Give each of ``names`` a version never used before (one round trip for all)."""
    stamp = f"{time.time_ns():x}.{os.getpid():x}"
    cache.set_many({_version_key(name): f"{stamp}.{next(_tokens):x}" for name in names}, None)


# The tokens read so far inside versions_remembered(); None outside it.
_remembered = ContextVar("remembered_versions", default=None)


@contextmanager
def versions_remembered():
    """Inside the block, each version's token is read from the cache once and remembered
    (a bump inside the block forgets what it bumps): one request that asks for the same
    versions several times (a cached page, the figures it shows, its header) makes one
    round trip for them, not one each."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def _forget(names):
    remembered = _remembered.get()
    for name in names if remembered is not None else ():
        remembered.pop(name, None)


def bump(*names):
    """Invalidate every cached value that depends on one of ``names``."""
    names = [n for n in names if n]
    if not names:
        return
    _forget(names)
    _new_versions(names)
    if transaction.get_connection().in_atomic_block:  # outside one, the write is done
        transaction.on_commit(lambda: (_forget(names), _new_versions(names)))


def versions(names):
    """The current token of each version in ``names`` (one round trip when all are set,
    none when :func:`versions_remembered` has them all)."""
    remembered = _remembered.get()
    known = {} if remembered is None else {n: remembered[n] for n in names if n in remembered}
    keys = {name: _version_key(name) for name in names if name not in known}
    found = cache.get_many(list(keys.values())) if keys else {}
    missing = [name for name, key in keys.items() if key not in found]
    for name in missing:
        cache.add(keys[name], f"{time.time_ns():x}.{os.getpid():x}", None)
    if missing:
        found.update(cache.get_many([keys[name] for name in missing]))
    read = {name: found.get(key, 0) for name, key in keys.items()}
    if remembered is not None:
        remembered.update(read)
    return {name: known[name] if name in known else read[name] for name in names}


def _stamped(key, depends_on, numbers):
    stamp = ":".join(str(numbers[name]) for name in depends_on)
    if len(stamp) > 64:  # many versions: keep the key short
        stamp = hashlib.sha256(stamp.encode()).hexdigest()
    return f"{PREFIX}:{key}:{stamp}"


def versioned_key(key, depends_on):
    """The cache key of ``key`` at the current tokens of the versions ``depends_on``."""
    return _stamped(key, depends_on, versions(depends_on))


def cached(key, *, depends_on, compute, timeout=600):
    """``compute()``, cached under ``key`` until one of the versions ``depends_on`` changes
    (or ``timeout`` seconds pass). ``key`` must name everything else the value depends on:
    the user, the city, the language …"""
    full_key = versioned_key(key, depends_on)
    value = cache.get(full_key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


def cached_many(keys, *, compute, timeout=600):
    """``{name: value}``: :func:`cached` of many values at once. ``keys``: ``{name: (key,
    versions it depends on)}``; ``compute(names)`` returns ``{name: value}`` for the names
    not cached (all at once). Their versions are read in one round trip, the values in one,
    and what was computed is stored in one."""
    numbers = versions(sorted({v for _key, depends_on in keys.values() for v in depends_on}))
    full = {name: _stamped(key, depends_on, numbers) for name, (key, depends_on) in keys.items()}
    found = cache.get_many(list(full.values()))
    values = {name: found[key] for name, key in full.items() if key in found}
    missing = [name for name in keys if name not in values]
    if missing:
        computed = compute(missing)
        cache.set_many({full[name]: computed[name] for name in missing}, timeout)
        values.update(computed)
    return values
