"""API lists of a city's records, cached per caller until the city's data changes.

A list answer (one page of serialised rows, with absolute links) is kept per caller, city,
address (scheme, host, path and query), language and time zone, under the city's data
version and the shared one (``caching/data_versions.py``): any change to a record of the
city, or to a shared record, is served at the next request.
Authentication, the city check and throttling run before the cache is read, as always.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone, translation
from rest_framework.response import Response

from caching.data_versions import ALL, city_version
from caching.page_cache import TIMEOUT
from caching.versioned_cache import MISSING, versioned_key


class CachedCityListMixin:
    """For a city's list endpoints: ``list()`` answers from the cache when nothing changed."""

    def _list_cache_key(self, request):
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:24]
        view = f"{type(self).__module__}.{type(self).__qualname__}"
        key = ":".join([
            "api", view, str(request.user.pk), str(request.city.pk),
            translation.get_language() or "", timezone.get_current_timezone_name(), address,
        ])
        return versioned_key(key, [ALL, city_version(request.city.pk)])

    def list(self, request, *args, **kwargs):
        key = self._list_cache_key(request)
        data = cache.get(key, MISSING)
        if data is not MISSING:
            return Response(data)
        response = super().list(request, *args, **kwargs)
        if response.status_code == 200:
            cache.set(key, response.data, TIMEOUT)
        return response
