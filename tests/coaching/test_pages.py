"""The coaching pages as people use them: the quick form, autosave, the city's page and
home, the coach's home and staff's cadence watch."""

import datetime
import re
import zoneinfo

from django.utils import timezone
from django_scopes import scopes_disabled

from coaching.models import ActionItem, CheckIn, CheckInStatus, MayorRequest
from tests import factories


def _form(world, **overrides):
    data = {
        "intent": "log",
        "happened_at": (timezone.localtime() - datetime.timedelta(hours=2)).strftime(
            "%Y-%m-%dT%H:%M"),
        "duration_minutes": "45", "mode": "video",
        "attendees": [world.users["member_a"].pk, world.users["manager_a"].pk],
        "summary": "Inventory agreed.", "private_notes": "Coach-only.",
        "lead_rag": "amber", "lead_why": "Vision in draft.",
        "next_checkin_on": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        "action-0-title": "Publish the inventory",
        "action-0-owner": world.users["member_a"].pk,
        "action-0-due_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "action-1-title": "Name the stewards",
        "action-1-owner": world.users["coach_a"].pk,
        "action-1-due_on": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
    }
    return data | overrides


def test_the_quick_form_has_defaults_and_nobody_ticked(world, client_as):
    response = client_as("coach_a").get("/c/alphaville/coaching/checkins/new/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="duration_minutes" value="60"' in body
    coach_today = timezone.localdate(timezone=zoneinfo.ZoneInfo(world.users["coach_a"].time_zone))
    next_date = (coach_today + datetime.timedelta(days=14)).isoformat()
    assert f'name="next_checkin_on" value="{next_date}"' in body  # the cadence
    assert re.search(r'value="video"[^>]*checked', body)
    for role in ("member_a", "manager_a", "mayor_a"):  # ticking credits hours: the coach ticks
        pk = world.users[role].pk
        assert re.search(rf'name="attendees" value="{pk}"', body), role
        assert not re.search(rf'name="attendees" value="{pk}"[^>]*checked', body), role


def test_a_coach_logs_a_checkin_with_two_action_items(world, client_as):
    response = client_as("coach_a").post("/c/alphaville/coaching/checkins/new/", _form(world))

    assert response.status_code == 302
    assert response["Location"] == "/c/alphaville/coaching/"
    with scopes_disabled():
        checkin = CheckIn.objects.get()
        assert checkin.status == CheckInStatus.LOGGED
        assert set(checkin.attendees.all()) == {world.users["member_a"],
                                                world.users["manager_a"]}
        assert sorted(checkin.action_items.values_list("title", flat=True)) == [
            "Name the stewards", "Publish the inventory"]


def test_a_bad_action_row_keeps_everything_unsaved_and_says_where(world, client_as):
    data = _form(world, **{"action-1-owner": world.users["member_b"].pk})
    response = client_as("coach_a").post("/c/alphaville/coaching/checkins/new/", data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with scopes_disabled():
        assert not CheckIn.objects.exists() and not ActionItem.objects.exists()


def test_a_missing_summary_is_reported_at_the_field(world, client_as):
    response = client_as("coach_a").post("/c/alphaville/coaching/checkins/new/",
                                         _form(world, summary=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Write a short summary for the city" in body
    with scopes_disabled():
        assert not CheckIn.objects.exists()


def test_drafts_autosave_into_one_draft_and_then_log(world, client_as):
    client = client_as("coach_a")
    first = client.post("/c/alphaville/coaching/checkins/autosave/", {"summary": "We met"})
    assert first.status_code == 200, first.content
    draft_id = first.json()["id"]
    second = client.post("/c/alphaville/coaching/checkins/autosave/",
                         {"checkin": draft_id, "summary": "We met and agreed"})
    assert second.json()["id"] == draft_id
    with scopes_disabled():
        assert list(CheckIn.objects.values_list("summary", "status")) == [
            ("We met and agreed", "draft")]
    # The city's people do not see drafts.
    page = client_as("member_a").get("/c/alphaville/coaching/")
    assert "We met and agreed" not in page.content.decode()
    assert client_as("member_a").get(f"/c/alphaville/coaching/checkins/{draft_id}/"
                                     ).status_code == 404
    # Logging the draft from its page; autosave then refuses to touch it.
    logged = client.post(f"/c/alphaville/coaching/checkins/{draft_id}/", _form(world))
    assert logged.status_code == 302
    refused = client.post("/c/alphaville/coaching/checkins/autosave/",
                          {"checkin": draft_id, "summary": "x"})
    assert refused.status_code == 409
    with scopes_disabled():
        assert CheckIn.objects.get().summary == "Inventory agreed."


def test_bad_autosave_input_gets_json_errors(world, client_as):
    response = client_as("coach_a").post("/c/alphaville/coaching/checkins/autosave/",
                                         {"duration_minutes": "soon"})
    assert response.status_code == 400
    assert "duration_minutes" in response.json()["errors"]


def test_the_city_home_shows_open_items_and_the_mayor_answers_there(world, client_as):
    with scopes_disabled():
        factories.ActionItemFactory(city=world.city, title="Publish the inventory",
                                    owner=world.users["member_a"])
        factories.ActionItemFactory(city=world.city, title="Old thing", status="done")
        request = factories.MayorRequestFactory(city=world.city, question="Open by default?",
                                                requested_by=world.users["coach_a"])
    cdo_home = client_as("member_a").get("/c/alphaville/").content.decode()
    assert "Publish the inventory" in cdo_home and "Old thing" not in cdo_home
    assert "Open by default?" in cdo_home and "Send my answer" not in cdo_home

    mayor = client_as("mayor_a")
    assert "Send my answer" in mayor.get("/c/alphaville/").content.decode()
    response = mayor.post(f"/c/alphaville/coaching/requests/{request.pk}/answer/",
                          {f"answer-{request.pk}-answer": "Yes.", "next": "/c/alphaville/"})
    assert response.status_code == 302 and response["Location"] == "/c/alphaville/"
    with scopes_disabled():
        assert MayorRequest.objects.get().answer == "Yes."
    coaching = client_as("member_a").get("/c/alphaville/coaching/").content.decode()
    assert "Yes." in coaching


def test_an_empty_answer_is_refused_at_the_field(world, client_as):
    with scopes_disabled():
        request = factories.MayorRequestFactory(city=world.city)
    response = client_as("mayor_a").post(
        f"/c/alphaville/coaching/requests/{request.pk}/answer/",
        {f"answer-{request.pk}-answer": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


def test_an_external_next_is_not_followed(world, client_as):
    with scopes_disabled():
        item = factories.ActionItemFactory(city=world.city, owner=world.users["member_a"])
    response = client_as("member_a").post(
        f"/c/alphaville/coaching/action-items/{item.pk}/",
        {"intent": "done", "next": "https://evil.example/"})
    assert response["Location"] == "/c/alphaville/coaching/"


def test_the_coach_home_shows_only_their_cities_with_their_state(world, client_as):
    zone = zoneinfo.ZoneInfo(world.users["coach_a"].time_zone)
    twenty_days_ago = timezone.localdate(timezone=zone) - datetime.timedelta(days=20)
    with scopes_disabled():
        factories.CheckInFactory(
            city=world.city, lead_rag="green", lead_why="Good",
            happened_at=datetime.datetime.combine(twenty_days_ago, datetime.time(12), zone),
        )
        factories.ActionItemFactory(city=world.city,
                                    due_on=timezone.localdate() - datetime.timedelta(days=2))
        factories.ActionItemFactory(city=world.city)
    body = client_as("coach_a").get("/coach/").content.decode()
    assert "Alphaville" in body and "Betatown" not in body
    row = body[body.index("Alphaville"):]
    assert "6 days overdue" in row  # 20 days ago, every 14 days
    assert re.search(r"<td>2</td>\s*<td><span class=\"overdue\">1</span>", row)
    assert "rag-green" in row


def test_staff_see_the_overdue_cities(world, client_as):
    # Noon, 30 calendar days ago in the staff member's zone: 16 days past a 14-day cadence,
    # whatever the hour the test runs and whichever daylight-saving change lies between.
    zone = zoneinfo.ZoneInfo(world.users["staff"].time_zone)
    thirty_days_ago = timezone.localdate(timezone=zone) - datetime.timedelta(days=30)
    with scopes_disabled():
        factories.CheckInFactory(
            city=world.city,
            happened_at=datetime.datetime.combine(thirty_days_ago, datetime.time(12), zone),
        )
        factories.CheckInFactory(city=world.other_city,
                                 happened_at=timezone.now() - datetime.timedelta(days=2))
    body = client_as("staff").get("/staff/coaching/cadence/").content.decode()
    assert "1 city is overdue for a check-in." in body
    assert body.index("Alphaville") < body.index("Betatown")
    assert "16 days" in body


def test_a_form_posted_after_an_autosave_completes_that_draft(world, client_as):
    client = client_as("coach_a")
    draft_id = client.post("/c/alphaville/coaching/checkins/autosave/",
                           {"summary": "typing"}).json()["id"]
    response = client.post("/c/alphaville/coaching/checkins/new/",
                           _form(world, checkin=draft_id))
    assert response.status_code == 302
    with scopes_disabled():
        assert list(CheckIn.objects.values_list("pk", "status")) == [(draft_id, "logged")]


def test_another_coach_can_neither_read_nor_write_the_city(world, client_as):
    with scopes_disabled():
        checkin = factories.CheckInFactory(city=world.city)
        item = factories.ActionItemFactory(city=world.city, owner=world.users["member_a"])
    client = client_as("coach_b")
    for url in ("/c/alphaville/coaching/", f"/c/alphaville/coaching/checkins/{checkin.pk}/"):
        assert client.get(url).status_code == 404
    assert client.post("/c/alphaville/coaching/checkins/new/", _form(world)).status_code == 404
    assert client.post(f"/c/alphaville/coaching/action-items/{item.pk}/",
                       {"intent": "drop"}).status_code == 404
    with scopes_disabled():
        assert CheckIn.objects.count() == 1
        assert ActionItem.objects.get().status == "open"
