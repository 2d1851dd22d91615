"""Matrix cases for every showcases URL and API path (see tests/tenancy.py).

Each case's ``setup`` puts a showcase of city A in the state the action needs; the
``_b`` roles (city B's people) must get 404 on every city path.
"""

import datetime

from django.utils import timezone

from tests import factories
from tests.tenancy import (
    Case,
    expect_city_api,
    expect_city_page,
    expect_everyone,
    expect_signed_in,
)


def make_showcase(world, state="draft", *, published=False, **fields):
    showcase = factories.ShowcaseFactory(
        city=world.city, state=state, created_by=world.users["member_a"], **fields
    )
    factories.EvidenceLinkFactory(showcase=showcase)
    world.extra["evidence"] = factories.EvidenceFileFactory(showcase=showcase)
    if published:
        showcase.publication_consent = True
        showcase.published_at = timezone.now()
        showcase.save()
    world.extra["showcase"] = showcase
    return showcase


def make_session(world):
    from schedule.models import Session

    start = timezone.now() + datetime.timedelta(days=14)
    world.extra["session"] = Session.objects.create(
        cohort=world.cohort, kind="showcase", title="Showcase day", starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )


def presentable(world):
    """An accepted showcase in a slot of a showcase session that started an hour ago."""
    from django_scopes import scopes_disabled

    from schedule.models import Session
    from showcases.models import ShowcaseSlot

    showcase = make_showcase(world, "accepted")
    start = timezone.now() - datetime.timedelta(hours=1)
    session = Session.objects.create(
        cohort=world.cohort, kind="showcase", title="Showcase day", starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    with scopes_disabled():
        ShowcaseSlot.objects.create(session=session, showcase=showcase)


def state(name, **fields):
    return lambda world: make_showcase(world, name, **fields)


def scheduled(world):
    make_showcase(world, "accepted")
    make_session(world)


def sc(world, suffix=""):
    return f"/c/{world.city.slug}/showcases/{world.extra['showcase'].pk}/{suffix}"


def api(world, suffix=""):
    return f"/api/v1/cities/{world.city.slug}/showcases/{world.extra['showcase'].pk}/{suffix}"


def ev(world, prefix):
    showcase, evidence = world.extra["showcase"], world.extra["evidence"]
    return f"{prefix}{showcase.pk}/evidence/{evidence.pk}/"


DRAFT = {
    "title": "Street-light outage routine", "practice_type": "data_routine",
    "pillar": "lead", "what_changed": "Outages are mapped daily.", "impact_kind": "expected",
}

# Only the city's senior team writes; its mayor, coach and staff may look but not write.
TEAM_WRITES = dict(mayor_a=403, coach_a=403, staff=403)
COACH_ONLY = dict(member_a=403, mayor_a=403, staff=403)
STAFF_ONLY = expect_signed_in(403, staff=302)
PARTICIPANTS = expect_signed_in(200, outsider=403)
PARTICIPANTS_API = expect_everyone(200, anonymous=401, outsider=403)

CASES = [
    # --- portal pages of a city ---
    Case("c/<slug:city>/showcases/", lambda w: f"/c/{w.city.slug}/showcases/",
         expect_city_page(), setup=state("draft")),
    Case("c/<slug:city>/showcases/new/", lambda w: f"/c/{w.city.slug}/showcases/new/",
         expect_city_page(**TEAM_WRITES)),
    Case("c/<slug:city>/showcases/new/", lambda w: f"/c/{w.city.slug}/showcases/new/",
         expect_city_page(302, **TEAM_WRITES), method="post", data=DRAFT),
    Case("c/<slug:city>/showcases/<int:pk>/", lambda w: sc(w), expect_city_page(),
         setup=state("submitted")),
    Case("c/<slug:city>/showcases/<int:pk>/edit/", lambda w: sc(w, "edit/"),
         expect_city_page(**TEAM_WRITES), setup=state("draft")),
    Case("c/<slug:city>/showcases/<int:pk>/edit/", lambda w: sc(w, "edit/"),
         expect_city_page(302, **TEAM_WRITES), method="post", data=DRAFT,
         setup=state("draft")),
    Case("c/<slug:city>/showcases/<int:pk>/submit/", lambda w: sc(w, "submit/"),
         expect_city_page(302, **TEAM_WRITES), method="post", setup=state("draft")),
    Case("c/<slug:city>/showcases/<int:pk>/resubmit/", lambda w: sc(w, "resubmit/"),
         expect_city_page(302, **TEAM_WRITES), method="post",
         setup=state("feedback_given", revision_requested=True)),
    Case("c/<slug:city>/showcases/<int:pk>/feedback/", lambda w: sc(w, "feedback/"),
         expect_city_page(**COACH_ONLY), setup=state("submitted")),
    Case("c/<slug:city>/showcases/<int:pk>/feedback/", lambda w: sc(w, "feedback/"),
         expect_city_page(302, **COACH_ONLY), method="post", setup=state("submitted"),
         data={"strengths": "Clear owner.", "revision_requested": "on"}),
    Case("c/<slug:city>/showcases/<int:pk>/accept/", lambda w: sc(w, "accept/"),
         expect_city_page(302, **COACH_ONLY), method="post", setup=state("revised")),
    Case("c/<slug:city>/showcases/<int:pk>/present/", lambda w: sc(w, "present/"),
         expect_city_page(302, member_a=403, mayor_a=403), method="post",
         setup=presentable),
    Case("c/<slug:city>/showcases/<int:pk>/messages/", lambda w: sc(w, "messages/"),
         expect_city_page(302), method="post", data={"body": "Thanks for the notes!"},
         setup=state("feedback_given")),
    Case("c/<slug:city>/showcases/<int:pk>/publication/", lambda w: sc(w, "publication/"),
         expect_city_page(302, **TEAM_WRITES), method="post", data={"action": "opt_in"},
         setup=state("accepted")),
    Case("c/<slug:city>/showcases/<int:pk>/evidence/", lambda w: sc(w, "evidence/"),
         expect_city_page(**TEAM_WRITES), setup=state("draft")),
    Case("c/<slug:city>/showcases/<int:pk>/evidence/", lambda w: sc(w, "evidence/"),
         expect_city_page(302, **TEAM_WRITES), method="post", setup=state("draft"),
         data={"url": "https://data.example.test/lights", "title": "Map"}),
    Case("c/<slug:city>/showcases/<int:pk>/evidence/<int:evidence_id>/",
         lambda w: ev(w, f"/c/{w.city.slug}/showcases/"), expect_city_page(),
         setup=state("submitted")),
    Case("c/<slug:city>/showcases/<int:pk>/evidence/<int:evidence_id>/remove/",
         lambda w: ev(w, f"/c/{w.city.slug}/showcases/") + "remove/",
         expect_city_page(302, **TEAM_WRITES), method="post", setup=state("draft")),
    # --- the practice library: every participant, any city; published showcases only ---
    Case("library/", lambda w: "/library/", PARTICIPANTS, setup=state("accepted",
                                                                       published=True)),
    Case("library/<int:pk>/", lambda w: f"/library/{w.extra['showcase'].pk}/", PARTICIPANTS,
         setup=state("accepted", published=True)),
    Case("library/<int:pk>/", lambda w: f"/library/{w.extra['showcase'].pk}/",
         expect_signed_in(404, outsider=403), setup=state("accepted"),
         name="GET library/<int:pk>/ unpublished"),
    Case("library/<int:pk>/evidence/<int:evidence_id>/", lambda w: ev(w, "/library/"),
         PARTICIPANTS, setup=state("presented", published=True)),
    Case("library/<int:pk>/evidence/<int:evidence_id>/", lambda w: ev(w, "/library/"),
         expect_signed_in(404, outsider=403), setup=state("presented"),
         name="GET library evidence unpublished"),
    # --- staff ---
    Case("staff/showcases/", lambda w: "/staff/showcases/", expect_signed_in(403, staff=200),
         setup=scheduled),
    Case("staff/showcases/<int:pk>/schedule/",
         lambda w: f"/staff/showcases/{w.extra['showcase'].pk}/schedule/", STAFF_ONLY,
         method="post", setup=scheduled,
         data=lambda w: {"session": w.extra["session"].pk, "duration_minutes": 20}),
    Case("staff/showcases/<int:pk>/publish/",
         lambda w: f"/staff/showcases/{w.extra['showcase'].pk}/publish/", STAFF_ONLY,
         method="post", setup=state("accepted", publication_consent=True)),
    # --- API ---
    Case("api/v1/cities/<slug:city>/^showcases/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/showcases/", expect_city_api(),
         api=True, setup=state("draft")),
    Case("api/v1/cities/<slug:city>/^showcases/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/showcases/",
         expect_city_api(201, **TEAM_WRITES), api=True, method="post", data=DRAFT),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/$", lambda w: api(w),
         expect_city_api(), api=True, setup=state("submitted")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/$", lambda w: api(w),
         expect_city_api(**TEAM_WRITES), api=True, method="patch",
         data={"title": "Renamed routine"}, setup=state("draft")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/$", lambda w: api(w),
         expect_city_api(**TEAM_WRITES), api=True, method="put", data=DRAFT,
         setup=state("draft")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/submit/$",
         lambda w: api(w, "submit/"), expect_city_api(**TEAM_WRITES), api=True,
         method="post", data={}, setup=state("draft")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/resubmit/$",
         lambda w: api(w, "resubmit/"), expect_city_api(**TEAM_WRITES), api=True,
         method="post", data={}, setup=state("feedback_given")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/feedback/$",
         lambda w: api(w, "feedback/"), expect_city_api(201, **COACH_ONLY), api=True,
         method="post", data={"strengths": "Clear.", "revision_requested": True},
         setup=state("submitted")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/accept/$",
         lambda w: api(w, "accept/"), expect_city_api(**COACH_ONLY), api=True,
         method="post", data={}, setup=state("submitted")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/present/$",
         lambda w: api(w, "present/"), expect_city_api(member_a=403, mayor_a=403), api=True,
         method="post", data={}, setup=presentable),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/messages/$",
         lambda w: api(w, "messages/"), expect_city_api(201), api=True, method="post",
         data={"body": "A question about the dashboard."}, setup=state("submitted")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/publication/$",
         lambda w: api(w, "publication/"), expect_city_api(**TEAM_WRITES), api=True,
         method="post", data={"consent": True}, setup=state("accepted")),
    Case("api/v1/cities/<slug:city>/^showcases/(?P<pk>[^/.]+)/evidence/$",
         lambda w: api(w, "evidence/"), expect_city_api(201, **TEAM_WRITES), api=True,
         method="post", data={"url": "https://data.example.test/x", "title": "Data"},
         multipart=True, setup=state("draft")),
    Case("api/v1/^library/$", lambda w: "/api/v1/library/", PARTICIPANTS_API, api=True,
         setup=state("accepted", published=True)),
    Case("api/v1/^library/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/library/{w.extra['showcase'].pk}/", PARTICIPANTS_API, api=True,
         setup=state("accepted", published=True)),
    Case("api/v1/^library/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/library/{w.extra['showcase'].pk}/",
         expect_everyone(404, anonymous=401, outsider=403), api=True, setup=state("accepted"),
         name="GET api library unpublished"),
]
