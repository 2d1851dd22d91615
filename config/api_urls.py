"""``/api/v1/``: each app registers its viewsets here.

``router`` holds top-level collections; ``city_router`` holds the collections under
``/api/v1/cities/<city>/``, whose views inherit :class:`cities.api.CityNestedAPIMixin`.
"""

from django.urls import include, path
from rest_framework.routers import DefaultRouter, SimpleRouter

from accounts.api import ObtainTokenView
from cities.api import CityViewSet

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False
router.register("cities", CityViewSet, basename="city")

city_router = SimpleRouter(trailing_slash=True)

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    path("cities/<slug:city>/", include(city_router.urls)),
    *router.urls,
]
