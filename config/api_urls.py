"""``/api/v1/``: each app registers its viewsets here.

``router`` holds top-level collections; ``city_router`` holds the collections under
``/api/v1/cities/<city>/``, whose views inherit :class:`cities.api.CityNestedAPIMixin`.
"""

from django.urls import include, path
from rest_framework.routers import DefaultRouter, SimpleRouter

from accounts.api import ObtainTokenView
from applications.api import ApplicationViewSet, CohortViewSet, EligibilityView
from assessment.api import AssessmentViewSet
from assignments.api import AssignmentViewSet
from cities.api import CityViewSet
from coaching.api import ActionItemViewSet, CheckInViewSet
from dashboards.health_api import CohortHealthAPIView
from feedback.api import FeedbackViewSet, SessionFeedbackAPIView
from followon.api import FollowOnAPIView, InitiativeUpdateViewSet, MetricUpdateViewSet
from reviews.api import CohortRankingAPIView, ReviewViewSet
from schedule.api import HoursViewSet, SessionViewSet
from showcases.api import LibraryViewSet, ShowcaseViewSet
from strategy.api import StrategyAPIView, StrategyPDFAPIView

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False
router.register("cities", CityViewSet, basename="city")
router.register("cohorts", CohortViewSet, basename="cohort")
router.register("applications", ApplicationViewSet, basename="application")
router.register("library", LibraryViewSet, basename="library")
router.register("reviews", ReviewViewSet, basename="review")

city_router = SimpleRouter(trailing_slash=True)
city_router.register("showcases", ShowcaseViewSet, basename="city-showcase")
city_router.register("checkins", CheckInViewSet, basename="city-checkin")
city_router.register("action-items", ActionItemViewSet, basename="city-action-item")
city_router.register("sessions", SessionViewSet, basename="city-session")
city_router.register("hours", HoursViewSet, basename="city-hours")
city_router.register("assignments", AssignmentViewSet, basename="city-assignment")
city_router.register("feedback", FeedbackViewSet, basename="city-feedback")
city_router.register("year-after/initiative-updates", InitiativeUpdateViewSet,
                     basename="city-initiative-update")
city_router.register("year-after/metric-updates", MetricUpdateViewSet,
                     basename="city-metric-update")
city_router.register("assessment", AssessmentViewSet, basename="city-assessment")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    path("eligibility/", EligibilityView.as_view(), name="eligibility"),
    path("cities/<slug:city>/", include(city_router.urls)),
    path("cities/<slug:city>/strategy/", StrategyAPIView.as_view(), name="city-strategy"),
    path("cities/<slug:city>/strategy/pdf/", StrategyPDFAPIView.as_view(),
         name="city-strategy-pdf"),
    path("cities/<slug:city>/sessions/<int:id>/feedback/", SessionFeedbackAPIView.as_view(),
         name="city-session-feedback"),
    path("cities/<slug:city>/year-after/", FollowOnAPIView.as_view(), name="city-year-after"),
    path("cohorts/<slug:slug>/health/", CohortHealthAPIView.as_view(), name="cohort-health"),
    path("cohorts/<slug:slug>/ranking/", CohortRankingAPIView.as_view(), name="cohort-ranking"),
    *router.urls,
]
