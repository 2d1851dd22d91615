"""The client's address, the one source of truth for rate limits and throttles.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only as far
as the proxies we run: ``TRUSTED_PROXY_COUNT`` (environment, default 0) says how many of
its right-most entries were added by our own proxies, and the entry they received the
request from is the client. With 0, or a chain shorter than that (the request did not
come through our proxies), the address is the TCP peer, ``REMOTE_ADDR``. A proxy that
writes the client into a header of its own names it in ``TRUSTED_CLIENT_IP_HEADER``.

allauth's login, sign-up and reset limits (through the account adapter) and every DRF
throttle (``accounts.throttles``) ask this function, so the form and the API count the
same address.
"""

import ipaddress

from django.conf import settings


def _clean(value):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [IPv6]:port
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # IPv4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The address of the client that sent ``request``, believing forwarded headers only
    from the configured number of trusted proxies."""
    meta = getattr(request, "META", {})
    remote_addr = _clean(meta.get("REMOTE_ADDR")) or "0.0.0.0"  # noqa: S104 (a key, not a bind)
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", None)
    if header:
        return _clean(request.headers.get(header)) or remote_addr
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = meta.get("HTTP_X_FORWARDED_FOR")
    if count <= 0 or not forwarded:
        return remote_addr
    chain = [part.strip() for part in forwarded.split(",")]
    if len(chain) < count:
        return remote_addr
    return _clean(chain[-count]) or remote_addr
