"""Staff define the curriculum's assignments on /staff/curriculum/assignments/: add, change,
reorder, hide; an assignment a city has started can only be hidden, not deleted. A hidden
assignment is left out of everything a city reads: its curriculum page, the API's list, its
completion per pillar, the cohort health dashboard."""

import datetime

from django_scopes import scopes_disabled

from assignments.progress import city_completion, completion_by_city
from curriculum.models import Assignment
from dashboards.health import cohort_health
from tests import factories
from tests.assignments.conftest import login

BASE = "/staff/curriculum/assignments/"


def test_staff_add_change_and_reorder_a_modules_assignments(client, team):
    module = factories.ModuleFactory(title="Know your data")
    staff = login(client, team.staff)
    form = {"module": module.pk, "title": "List your datasets", "instructions": "One page.",
            "due_on": "2027-02-01"}
    refused = staff.post(f"{BASE}add/", form | {"title": " ", "due_on": "12026-01-01"})
    assert refused.status_code == 400
    assert set(refused.context["form"].errors) == {"title", "due_on"}
    assert not Assignment.objects.exists()
    assert staff.post(f"{BASE}add/", form).status_code == 302
    assert staff.post(f"{BASE}add/", form | {"title": "Name an owner"}).status_code == 302
    first, second = Assignment.objects.order_by("position")
    assert (first.title, first.due_on, second.title) == (
        "List your datasets", datetime.date(2027, 2, 1), "Name an owner")
    staff.post(BASE, {"action": "up", "item": second.pk})
    assert list(module.assignments.order_by("position").values_list("title", flat=True)) == [
        "Name an owner", "List your datasets"]
    changed = staff.post(f"{BASE}{first.pk}/", form | {"title": "List every dataset",
                                                       "due_on": "2027-03-01"})
    assert changed.status_code == 302
    first.refresh_from_db()
    assert (first.title, first.due_on) == ("List every dataset", datetime.date(2027, 3, 1))
    page = staff.get(BASE).content.decode()
    assert "List every dataset" in page and "Know your data" in page


def test_a_started_assignment_is_hidden_not_deleted(client, team):
    started, untouched = factories.AssignmentFactory(), factories.AssignmentFactory()
    with scopes_disabled():
        factories.SubmissionFactory(city=team.city, assignment=started, state="draft")
    staff = login(client, team.staff)
    refused = staff.post(BASE, {"action": "delete", "item": started.pk}, follow=True)
    assert "cannot be deleted" in refused.content.decode()
    assert Assignment.objects.filter(pk=started.pk).exists()
    staff.post(BASE, {"action": "hide", "item": started.pk})
    assert Assignment.objects.get(pk=started.pk).hidden
    staff.post(BASE, {"action": "delete", "item": untouched.pk})
    assert not Assignment.objects.filter(pk=untouched.pk).exists()
    assert staff.post(BASE, {"action": "delete", "item": "1e999"}).status_code == 404


def test_a_hidden_assignment_is_left_out_of_what_cities_read(client, team):
    module = factories.ModuleFactory(pillar=factories.PillarFactory(slug="data"))
    kept = factories.AssignmentFactory(module=module, title="Kept on")
    hidden = factories.AssignmentFactory(module=module, title="Dropped",
                                         due_on=datetime.date.today() - datetime.timedelta(1))
    with scopes_disabled():
        factories.SubmissionFactory(city=team.city, assignment=hidden, state="accepted")
    login(client, team.staff).post(BASE, {"action": "hide", "item": hidden.pk})
    cdo = login(client, team.cdo)
    page = cdo.get(f"/c/{team.city.slug}/curriculum/").content.decode()
    assert "Kept on" in page and "Dropped" not in page
    listed = cdo.get(f"/api/v1/cities/{team.city.slug}/assignments/").json()["results"]
    assert [item["id"] for item in listed] == [kept.pk]
    # What the city handed in for it stays readable, but it cannot start anything new there.
    assert cdo.get(f"/c/{team.city.slug}/curriculum/assignments/{hidden.pk}/").status_code == 200
    with scopes_disabled():
        [one] = [p for p in city_completion(city=team.city) if p.pillar == module.pillar]
        [many] = [p for p in completion_by_city([team.city.pk])[team.city.pk]
                  if p.pillar == module.pillar]
        cell = {row.city.slug: row.cells["assignments"]
                for row in cohort_health(cohort=team.cohort)}["riverton"]
    assert (one.total, one.accepted) == (1, 0) and (many.total, many.accepted) == (1, 0)
    assert cell.text == "Lead 0/1"


def test_a_city_cannot_start_a_hidden_assignment(client, team):
    hidden = factories.AssignmentFactory(hidden=True)
    cdo = login(client, team.cdo)
    url = f"/c/{team.city.slug}/curriculum/assignments/{hidden.pk}/"
    response = cdo.post(url, {"text": "We started."})
    assert response.status_code == 400 and "no longer asks" in response.content.decode()
    with scopes_disabled():
        assert not hidden.submissions.exists()
