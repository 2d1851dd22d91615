"""Matrix cases for coaching: the city's coaching pages, the coach's and staff's pages and
the API. Writes are cases too; city B's people always get 404."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests import factories
from tests.tenancy import Case, expect_city_api, expect_city_page, expect_signed_in

COACHING = "c/<slug:city>/coaching/"
API = "api/v1/cities/<slug:city>/"


def _day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _checkin(world):
    checkin = factories.CheckInFactory(
        city=world.city, coach=world.users["coach_a"], enrollment=world.enrollment
    )
    checkin.attendees.add(world.users["member_a"])
    world.extra["checkin"] = checkin


def _item_owned_by_member(world):
    world.extra["item"] = factories.ActionItemFactory(
        city=world.city, owner=world.users["member_a"]
    )


def _request(world):
    world.extra["request"] = factories.MayorRequestFactory(
        city=world.city, requested_by=world.users["coach_a"]
    )


def _checkin_post(world):
    return {
        "intent": "log", "happened_at": (timezone.localtime() - datetime.timedelta(hours=2))
        .strftime("%Y-%m-%dT%H:%M"), "duration_minutes": "45", "mode": "video",
        "attendees": [world.users["member_a"].pk], "summary": "We agreed the data inventory.",
        "private_notes": "Coach-only remark", "next_checkin_on": _day(14),
    }


def _item_post(world):
    return {"item-title": "Publish the inventory", "item-owner": world.users["member_a"].pk,
            "item-due_on": _day(10)}


SAMPLE_VTT = (b"WEBVTT\n\n00:00:01.000 --> 00:10:00.000\n"
              b"Coach: I will send the data inventory by Friday.\n")


def _transcript(world):
    world.extra["transcript"] = factories.CallTranscriptFactory(
        city=world.city, uploaded_by=world.users["coach_a"])


def _transcript_upload(world):
    return {"file": SimpleUploadedFile("call.vtt", SAMPLE_VTT, content_type="text/vtt")}


def _transcript_confirm(world):
    return _checkin_post(world) | {"action_count": "0", "decision_count": "0"}


def _transcript_url(world, tail=""):
    return f"/c/{world.city.slug}/coaching/import/{world.extra['transcript'].pk}/{tail}"


# Who runs coaching in city A: its coach and staff; its people read; others get 404.
COACH_ONLY = dict(member_a=403, mayor_a=403)
COACH_WRITE = expect_city_page(302, **COACH_ONLY)

CASES = [
    Case("staff/coaching/cadence/", lambda w: "/staff/coaching/cadence/",
         expect_signed_in(403, staff=200)),
    Case(COACHING, lambda w: f"/c/{w.city.slug}/coaching/", expect_city_page(), setup=_checkin),
    Case(COACHING + "checkins/new/", lambda w: f"/c/{w.city.slug}/coaching/checkins/new/",
         expect_city_page(200, **COACH_ONLY)),
    Case(COACHING + "checkins/new/", lambda w: f"/c/{w.city.slug}/coaching/checkins/new/",
         COACH_WRITE, method="post", data=_checkin_post),
    Case(COACHING + "checkins/autosave/",
         lambda w: f"/c/{w.city.slug}/coaching/checkins/autosave/",
         expect_city_page(200, **COACH_ONLY), method="post",
         data={"summary": "typing…", "duration_minutes": "30"}),
    Case(COACHING + "checkins/<int:pk>/",
         lambda w: f"/c/{w.city.slug}/coaching/checkins/{w.extra['checkin'].pk}/",
         expect_city_page(), setup=_checkin),
    Case(COACHING + "checkins/<int:pk>/",
         lambda w: f"/c/{w.city.slug}/coaching/checkins/{w.extra['checkin'].pk}/",
         COACH_WRITE, method="post", setup=_checkin, data=_checkin_post),
    Case(COACHING + "action-items/new/",
         lambda w: f"/c/{w.city.slug}/coaching/action-items/new/",
         COACH_WRITE, method="post", data=_item_post),
    # The owner (member_a), the coach and staff may close an item; the mayor may not.
    Case(COACHING + "action-items/<int:pk>/",
         lambda w: f"/c/{w.city.slug}/coaching/action-items/{w.extra['item'].pk}/",
         expect_city_page(302, mayor_a=403), method="post", setup=_item_owned_by_member,
         data={"intent": "done"}),
    Case(COACHING + "requests/new/", lambda w: f"/c/{w.city.slug}/coaching/requests/new/",
         COACH_WRITE, method="post",
         data={"ask-question": "Open the 311 data?", "ask-deadline": _day(7)}),
    # Only the city's mayor answers.
    Case(COACHING + "requests/<int:pk>/answer/",
         lambda w: f"/c/{w.city.slug}/coaching/requests/{w.extra['request'].pk}/answer/",
         expect_city_page(403, mayor_a=302), method="post", setup=_request,
         data=lambda w: {f"answer-{w.extra['request'].pk}-answer": "Yes, go ahead."}),
    # A call's transcript: its coach and staff only, never the city's people.
    Case(COACHING + "import/", lambda w: f"/c/{w.city.slug}/coaching/import/",
         expect_city_page(200, **COACH_ONLY)),
    Case(COACHING + "import/", lambda w: f"/c/{w.city.slug}/coaching/import/",
         COACH_WRITE, method="post", data=_transcript_upload),
    Case(COACHING + "import/<int:pk>/", _transcript_url, expect_city_page(200, **COACH_ONLY),
         setup=_transcript),
    Case(COACHING + "import/<int:pk>/", _transcript_url, COACH_WRITE, method="post",
         setup=_transcript, data=_transcript_confirm),
    Case(COACHING + "import/<int:pk>/delete/", lambda w: _transcript_url(w, "delete/"),
         COACH_WRITE, method="post", setup=_transcript),
    # API
    Case(API + "^checkins/$", lambda w: f"/api/v1/cities/{w.city.slug}/checkins/",
         expect_city_api(), api=True, setup=_checkin),
    Case(API + "^checkins/$", lambda w: f"/api/v1/cities/{w.city.slug}/checkins/",
         expect_city_api(201, member_a=403, mayor_a=403), api=True, method="post",
         data=lambda w: {
             "happened_at": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
             "duration_minutes": 30, "attendees": [w.users["member_a"].pk],
             "summary": "By phone.", "mode": "phone",
         }),
    Case(API + "^checkins/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/checkins/{w.extra['checkin'].pk}/",
         expect_city_api(), api=True, setup=_checkin),
    Case(API + "^checkins/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/checkins/{w.extra['checkin'].pk}/",
         expect_city_api(200, member_a=403, mayor_a=403), api=True, method="patch",
         setup=_checkin, data={"summary": "Edited summary."}),
    Case(API + "^checkins/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/checkins/{w.extra['checkin'].pk}/",
         expect_city_api(200, member_a=403, mayor_a=403), api=True, method="put",
         setup=_checkin, data={"summary": "Rewritten summary.", "duration_minutes": 50}),
    Case(API + "^action-items/$", lambda w: f"/api/v1/cities/{w.city.slug}/action-items/",
         expect_city_api(), api=True, setup=_item_owned_by_member),
    Case(API + "^action-items/$", lambda w: f"/api/v1/cities/{w.city.slug}/action-items/",
         expect_city_api(201, member_a=403, mayor_a=403), api=True, method="post",
         data=lambda w: {"title": "Draft the policy", "owner": w.users["member_a"].pk,
                         "due_on": _day(5)}),
    Case(API + "^action-items/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/action-items/{w.extra['item'].pk}/",
         expect_city_api(), api=True, setup=_item_owned_by_member),
    Case(API + "^action-items/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/action-items/{w.extra['item'].pk}/",
         expect_city_api(200, mayor_a=403), api=True, method="patch",
         setup=_item_owned_by_member, data={"status": "done"}),
    Case(API + "^action-items/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/action-items/{w.extra['item'].pk}/",
         expect_city_api(200, member_a=403, mayor_a=403), api=True, method="put",
         setup=_item_owned_by_member,
         data=lambda w: {"title": "Publish the inventory", "owner": w.users["member_a"].pk,
                         "due_on": _day(9)}),
]

