"""Matrix cases for the schedule, session pages, hours, calendar feed, staff calendar and API.

Writes are cases too; city B's people always get 404. RSVP and logging hours are for the
city's own people; coaches and staff may look but not answer (403).
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests import factories
from tests.tenancy import (
    Case,
    expect_city_api,
    expect_city_page,
    expect_everyone,
    expect_signed_in,
)

PORTAL = "c/<slug:city>/"
API = "api/v1/cities/<slug:city>/"
STAFF_ONLY = expect_signed_in(403, staff=200)


def _session(world):
    """An upcoming workshop for everyone in the world's cohort."""
    if "session" not in world.extra:
        world.extra["session"] = factories.SessionFactory(cohort=world.cohort)
    return world.extra["session"]


def _past_session(world):
    if "past" not in world.extra:
        start = timezone.now() - datetime.timedelta(days=1)
        world.extra["past"] = factories.SessionFactory(
            cohort=world.cohort, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )
    return world.extra["past"]


def _material(world):
    from curriculum.models import Material

    material = Material.objects.create(
        session=_session(world), title="Slides",
        file=SimpleUploadedFile("slides.txt", b"Lead with data"),
    )
    return material


def _other_cohort(world):
    source = factories.CohortFactory(slug="earlier", starts_on=world.cohort.starts_on
                                     - datetime.timedelta(days=200))
    factories.SessionFactory(cohort=source)
    return {"source": source.pk}


def _yesterday():
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


def _tomorrow():
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


def _session_url(w):
    return f"/c/{w.city.slug}/schedule/{_session(w).pk}/"


RSVP_WRITE = expect_city_page(302, coach_a=403, staff=403)
HOURS_WRITE = expect_city_page(302, coach_a=403, staff=403)

CASES = [
    # Portal
    Case(f"{PORTAL}schedule/", lambda w: f"/c/{w.city.slug}/schedule/", expect_city_page()),
    Case(f"{PORTAL}schedule/", lambda w: f"/c/{w.city.slug}/schedule/?view=month",
         expect_city_page(), name="GET schedule month view"),
    Case(f"{PORTAL}schedule/<int:session_id>/", _session_url, expect_city_page()),
    Case(f"{PORTAL}schedule/<int:session_id>/", _session_url, RSVP_WRITE, method="post",
         data={"answer": "yes"}),
    Case(f"{PORTAL}schedule/<int:session_id>/ics", lambda w: _session_url(w) + "ics",
         expect_city_page()),
    Case(f"{PORTAL}materials/<int:material_id>/",
         lambda w: f"/c/{w.city.slug}/materials/{_material(w).pk}/", expect_city_page()),
    Case(f"{PORTAL}hours/", lambda w: f"/c/{w.city.slug}/hours/", expect_city_page()),
    Case(f"{PORTAL}hours/", lambda w: f"/c/{w.city.slug}/hours/", HOURS_WRITE, method="post",
         data=lambda w: {"hours": "1.5", "on_date": _yesterday(),
                         "note": "Read the primer"}),
    # Calendar feed: the token is the key, whoever holds it.
    Case("calendar/", lambda w: "/calendar/", expect_signed_in(200)),
    Case("calendar/", lambda w: "/calendar/", expect_signed_in(302), method="post"),
    Case("calendar/<str:token>.ics",
         lambda w: f"/calendar/{w.users['member_a'].calendar_token}.ics", expect_everyone(200)),
    Case("calendar/<str:token>.ics", lambda w: "/calendar/not-a-token.ics",
         expect_everyone(404), name="GET calendar feed with a wrong token"),
    # Staff
    Case("staff/cohorts/<slug:slug>/", lambda w: f"/staff/cohorts/{w.cohort.slug}/",
         STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/", lambda w: f"/staff/cohorts/{w.cohort.slug}/",
         expect_signed_in(403, staff=302), method="post", data=_other_cohort),
    Case("staff/sessions/<int:session_id>/", lambda w: f"/staff/sessions/{_session(w).pk}/",
         STAFF_ONLY),
    Case("staff/sessions/<int:session_id>/", lambda w: f"/staff/sessions/{_session(w).pk}/",
         expect_signed_in(403, staff=302), method="post",
         data={"action": "duplicate", "duplicate-date": _tomorrow(), "duplicate-time": "10:00"}),
    Case("staff/sessions/<int:session_id>/attendance/",
         lambda w: f"/staff/sessions/{_past_session(w).pk}/attendance/", STAFF_ONLY),
    Case("staff/sessions/<int:session_id>/attendance/",
         lambda w: f"/staff/sessions/{_past_session(w).pk}/attendance/",
         expect_signed_in(403, staff=302), method="post",
         data=lambda w: {"present": [f"{w.users['member_a'].pk}:{w.city.pk}"]}),
    # API
    Case(f"{API}^sessions/$", lambda w: f"/api/v1/cities/{w.city.slug}/sessions/",
         expect_city_api(), api=True),
    Case(f"{API}^sessions/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/sessions/{_session(w).pk}/",
         expect_city_api(), api=True),
    Case(f"{API}^sessions/(?P<pk>[^/.]+)/rsvp/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/sessions/{_session(w).pk}/rsvp/",
         expect_city_api(200, coach_a=403, staff=403), method="post", data={"answer": "maybe"},
         api=True),
    Case(f"{API}^hours/$", lambda w: f"/api/v1/cities/{w.city.slug}/hours/",
         expect_city_api(), api=True),
    Case(f"{API}^hours/$", lambda w: f"/api/v1/cities/{w.city.slug}/hours/",
         expect_city_api(201, coach_a=403, staff=403), method="post",
         data=lambda w: {"hours": "2", "on_date": _yesterday(),
                         "note": "Assignment work"}, api=True),
]

