"""Publication: the city opts in, staff approve, withdrawing unpublishes at once; the
library finds published practices only; staff place accepted showcases into sessions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from schedule.models import Session
from showcases import library, scheduling
from showcases.models import State
from tests import factories
from tests.showcases.conftest import login


@pytest.fixture
def accepted(team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city, state=State.ACCEPTED,
                                             title="Open budget stories")
        factories.EvidenceFileFactory(showcase=showcase)
    return showcase


def publish(team, showcase):
    with scope(city=team.city):
        library.opt_in_publication(showcase=showcase, by=team.cdo)
    library.approve_publication(showcase=showcase, by=team.staff)


def test_published_only_with_consent_and_approval(team, accepted, client):
    with pytest.raises(ValidationError):
        library.approve_publication(showcase=accepted, by=team.staff)
    assert not library.search_library().exists()

    with scope(city=team.city):
        library.opt_in_publication(showcase=accepted, by=team.cdo)
    assert not library.search_library().exists()
    # Who approves is asked at the door (cities.doors): the coach is refused there.
    client.force_login(team.coach)
    assert client.post(f"/staff/showcases/{accepted.pk}/publish/").status_code == 403
    assert not library.search_library().exists()

    library.approve_publication(showcase=accepted, by=team.staff)
    assert list(library.search_library()) == [accepted]


def test_a_showcase_not_yet_accepted_cannot_be_published(team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city, state=State.SUBMITTED,
                                             publication_consent=True)
    with pytest.raises(ValidationError):
        library.approve_publication(showcase=showcase, by=team.staff)
    assert not library.search_library().exists()


def test_withdrawing_consent_unpublishes_at_once(client, team, accepted):
    publish(team, accepted)
    with scopes_disabled():
        evidence = accepted.evidence.get()
    login(client, team.other_cdo)
    assert client.get(f"/library/{accepted.pk}/").status_code == 200
    evidence_url = f"/library/{accepted.pk}/evidence/{evidence.pk}/"
    assert client.get(evidence_url).status_code == 200

    cdo = login(type(client)(), team.cdo)
    response = cdo.post(f"/c/riverton/showcases/{accepted.pk}/publication/",
                        {"action": "withdraw"})
    assert response.status_code == 302

    assert client.get(f"/library/{accepted.pk}/").status_code == 404
    assert client.get(evidence_url).status_code == 404
    assert "Open budget stories" not in client.get("/library/").content.decode()
    accepted.refresh_from_db()
    assert not accepted.publication_consent and accepted.published_at is None


def test_the_library_filters(team, accepted):
    publish(team, accepted)
    with scopes_disabled():
        other = factories.ShowcaseFactory(
            city=team.other, state=State.PRESENTED, title="Resident survey",
            practice_type="resident_communication", pillar="empower",
        )
    other.publication_consent = True
    other.save()
    library.approve_publication(showcase=other, by=team.staff)

    def titles(**filters):
        return {s.title for s in library.search_library(**filters)}

    assert titles() == {"Open budget stories", "Resident survey"}
    assert titles(query="survey") == {"Resident survey"}
    assert titles(query="riverton") == {"Open budget stories"}
    assert titles(pillar="empower") == {"Resident survey"}
    assert titles(practice_type="data_routine") == {"Open budget stories"}
    assert titles(country="Mexico") == {"Resident survey"}
    assert titles(size_band="250k_500k") == {"Open budget stories"}
    assert titles(size_band="under_250k") == {"Resident survey"}


def test_the_library_page_shows_published_practices_to_other_cities(client, team, accepted):
    with scopes_disabled():
        factories.ShowcaseFactory(city=team.city, state=State.ACCEPTED, title="Secret draft")
    publish(team, accepted)
    page = login(client, team.other_cdo).get("/library/", {"pillar": "lead"}).content.decode()
    assert "Open budget stories" in page and "Secret draft" not in page

    detail = client.get(f"/library/{accepted.pk}/").content.decode()
    assert "Riverton" in detail and "Depends on one analyst" not in detail


def test_a_bad_filter_is_ignored_not_a_500(client, team, accepted):
    publish(team, accepted)
    response = login(client, team.other_cdo).get("/library/", {"pillar": "nonsense"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def _session(team, **fields):
    start = timezone.now() + datetime.timedelta(days=10)
    return Session.objects.create(
        cohort=team.cohort, kind=fields.pop("kind", "showcase"), title="Showcase day",
        starts_at=start, ends_at=start + datetime.timedelta(hours=2), **fields,
    )


def test_staff_place_accepted_showcases_in_order(team, accepted):
    session = _session(team)
    with scopes_disabled():
        second = factories.ShowcaseFactory(city=team.other, state=State.ACCEPTED)
    scheduling.place_in_slot(showcase=accepted, session=session, by=team.staff)
    scheduling.place_in_slot(showcase=second, session=session, by=team.staff,
                             duration_minutes=20)
    slots = scheduling.slots_for_session(session)
    assert [(s.order, s.showcase, s.duration_minutes) for s in slots] == [
        (1, accepted, 15), (2, second, 20)]


def test_scheduling_refuses_what_does_not_fit(team, accepted, client):
    workshop = _session(team, kind="workshop")
    with pytest.raises(ValidationError):
        scheduling.place_in_slot(showcase=accepted, session=workshop, by=team.staff)
    session = _session(team)
    client.force_login(team.coach)  # who schedules is asked at the door: not the coach
    response = client.post(f"/staff/showcases/{accepted.pk}/schedule/",
                           {"session": session.pk, "duration_minutes": "15"})
    assert response.status_code == 403
    with scopes_disabled():
        assert not session.showcase_slots.exists()
    with scopes_disabled():
        draft = factories.ShowcaseFactory(city=team.city)
    with pytest.raises(ValidationError):
        scheduling.place_in_slot(showcase=draft, session=_session(team), by=team.staff)


def test_the_staff_page_schedules_and_publishes(client, team, accepted):
    session = _session(team)
    login(client, team.staff)
    response = client.post(f"/staff/showcases/{accepted.pk}/schedule/",
                           {"session": session.pk, "duration_minutes": 25})
    assert response.status_code == 302
    assert "Open budget stories" in client.get("/staff/showcases/").content.decode()
    assert [s.showcase for s in scheduling.slots_for_session(session)] == [accepted]

    bad = client.post(f"/staff/showcases/{accepted.pk}/schedule/",
                      {"session": session.pk, "duration_minutes": 0})
    assert bad.status_code == 400
    assert "Ensure this value is greater than or equal to 1" in bad.content.decode()


def test_the_session_page_lists_what_will_be_presented(client, team, accepted):
    session = _session(team)
    scheduling.place_in_slot(showcase=accepted, session=session, by=team.staff,
                             duration_minutes=12)
    page = login(client, team.other_cdo).get(f"/c/lakeside/schedule/{session.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "What will be presented" in text
    assert "Open budget stories" in text and "12 minutes" in text


def test_staff_approve_publication_with_the_admin_action(client, team, accepted):
    with scopes_disabled():
        waiting = factories.ShowcaseFactory(city=team.city, state=State.ACCEPTED)
    accepted.publication_consent = True
    accepted.save()
    login(client, team.staff)
    response = client.post("/admin/showcases/showcase/", {
        "action": "approve_for_library", "_selected_action": [accepted.pk, waiting.pk],
    }, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 showcase(s) published." in page
    assert "has not agreed to share" in page
    assert [s.pk for s in library.search_library()] == [accepted.pk]
    assert client.get(f"/admin/showcases/showcase/{accepted.pk}/change/").status_code == 200
