"""DRF throttles that identify an anonymous caller by ``accounts.client_ip.client_ip``.

DRF's own ``get_ident`` believes the whole ``X-Forwarded-For`` unless ``NUM_PROXIES`` is
set, so a caller who sends a new header value on each try is never throttled. Every API
throttle in this project is one of these (``tests/accounts/test_client_ip.py`` walks the
API's views to prove it).
"""

from rest_framework import throttling

from accounts.client_ip import client_ip


class ClientIPMixin:
    def get_ident(self, request):
        return client_ip(request)


class AnonRateThrottle(ClientIPMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(ClientIPMixin, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(ClientIPMixin, throttling.ScopedRateThrottle):
    pass
