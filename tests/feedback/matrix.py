"""Matrix cases of session feedback: the portal pages and the API under a city (the other
city's people: 404), and the staff pages (a session's host may read its feedback).

The world's workshop ended yesterday; city A's team member attended it, its mayor did not:
the member answers (302, API 200), the mayor is refused with the reason (400), the coach and
staff do not give feedback (403)."""

import datetime

from django.utils import timezone

from schedule.models import Attendance
from tests import factories
from tests.tenancy import Case, expect_city_api, expect_city_page, expect_signed_in

PORTAL = "c/<slug:city>/"
API = "api/v1/cities/<slug:city>/"


def _workshop(world):
    """A workshop that ended yesterday, hosted by city A's coach, attended by its member."""
    if "feedback_workshop" not in world.extra:
        end = timezone.now() - datetime.timedelta(days=1)
        session = factories.SessionFactory(
            cohort=world.cohort, starts_at=end - datetime.timedelta(hours=1), ends_at=end,
            host=world.users["coach_a"])
        Attendance.objects.create(session=session, city=world.city,
                                  user=world.users["member_a"])
        world.extra["feedback_workshop"] = session
    return world.extra["feedback_workshop"]


def _answer_url(w):
    return f"/c/{w.city.slug}/feedback/{_workshop(w).pk}/"


def _api_url(w):
    return f"/api/v1/cities/{w.city.slug}/sessions/{_workshop(w).pk}/feedback/"


def _staff_session_url(w):
    return f"/staff/cohorts/{w.cohort.slug}/feedback/{_workshop(w).pk}/"


ANSWER = {"rating": "4", "most_useful": "The rubric", "to_change": ""}

CASES = [
    Case(f"{PORTAL}feedback/", lambda w: f"/c/{w.city.slug}/feedback/", expect_city_page(),
         setup=_workshop),
    Case(f"{PORTAL}feedback/<int:session_id>/", _answer_url, expect_city_page(),
         setup=_workshop),
    Case(f"{PORTAL}feedback/<int:session_id>/", _answer_url,
         expect_city_page(302, mayor_a=400, coach_a=403, staff=403), method="post",
         data=ANSWER, setup=_workshop),
    Case(f"{API}^feedback/$", lambda w: f"/api/v1/cities/{w.city.slug}/feedback/",
         expect_city_api(), api=True, setup=_workshop),
    Case(f"{API}sessions/<int:id>/feedback/", _api_url, expect_city_api(), api=True,
         setup=_workshop),
    Case(f"{API}sessions/<int:id>/feedback/", _api_url,
         expect_city_api(200, mayor_a=400, coach_a=403, staff=403), api=True, method="put",
         data={"rating": 5, "most_useful": "", "to_change": "More examples"}, setup=_workshop),
    Case("staff/cohorts/<slug:slug>/feedback/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/feedback/",
         expect_signed_in(403, staff=200), setup=_workshop),
    Case("staff/cohorts/<slug:slug>/feedback/<int:session_id>/", _staff_session_url,
         expect_signed_in(403, staff=200, coach_a=200), setup=_workshop),
]
