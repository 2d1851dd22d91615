"""Settings of the benchmark: the application's own settings plus the floor view's URL.

The environment (set by ``bench/run.py``) makes them production-like: DEBUG off,
PostgreSQL, Redis cache, whitenoise, no HTTPS redirect (the benchmark speaks plain HTTP on
127.0.0.1) and no MFA requirement (the benchmark's people have no TOTP device).
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The small and the large program share Redis database 14: keep their cache keys apart.
CACHES["default"]["KEY_PREFIX"] = env("BENCH_CACHE_PREFIX", default="")  # noqa: F405
