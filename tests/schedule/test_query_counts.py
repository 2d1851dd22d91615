"""Schedule, ledger and staff calendar pages cost the same number of queries at 5 and 50
sessions (or ledger lines): no N+1."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from caching.data_versions import forget_data
from schedule.hours import credit_hours
from schedule.models import Attendance, Rsvp
from tests import factories


def _fill(town, size):
    """``size`` sessions across past and future, each with RSVPs and attendance; ``size``
    ledger lines for the city."""
    now = timezone.now().replace(microsecond=0, second=0, minute=0)
    module = factories.ModuleFactory()
    with scopes_disabled():
        for n in range(size):
            start = now + datetime.timedelta(days=n - size // 2, hours=1)
            session = factories.SessionFactory(
                cohort=town.cohort, starts_at=start, module=module if n % 2 else None,
                audience=("everyone", "mayors", "senior_teams")[n % 3],
            )
            Rsvp.objects.create(session=session, city=town.city, user=town.cdo, answer="yes")
            Attendance.objects.create(session=session, city=town.city, user=town.policy)
            credit_hours(city=town.other, user=town.other_cdo, hours=1,
                         on_date=timezone.localdate(), source="self", source_key=f"b:{n}")
            credit_hours(city=town.city, user=town.cdo, hours=1,
                         on_date=timezone.localdate() - datetime.timedelta(days=n % 60),
                         source="self", source_key=f"self:{n}")
    return session


def _get(user, url):
    client = Client()
    client.force_login(user)
    return client, url


# One literal count per page, the same at both sizes.
PAGES = [
    ("schedule", lambda t: t.cdo, lambda t: f"/c/{t.city.slug}/schedule/", 9),
    # The month shows no answers: it no longer reads them (9 before).
    ("month", lambda t: t.cdo, lambda t: f"/c/{t.city.slug}/schedule/?view=month", 8),
    ("hours", lambda t: t.cdo, lambda t: f"/c/{t.city.slug}/hours/", 12),
    ("staff calendar", lambda t: t.staff, lambda t: f"/staff/cohorts/{t.cohort.slug}/", 13),
    ("api sessions", lambda t: t.cdo, lambda t: f"/api/v1/cities/{t.city.slug}/sessions/", 10),
    ("api hours", lambda t: t.cdo, lambda t: f"/api/v1/cities/{t.city.slug}/hours/", 12),
    ("feed", lambda t: t.cdo, lambda t: f"/calendar/{t.cdo.calendar_token}.ics", 9),
]


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize(("name", "who", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_page_queries_do_not_grow_with_sessions(town, size, name, who, url, queries,
                                                django_assert_num_queries):
    _fill(town, size)
    client, path = _get(who(town), url(town))
    client.get(path)  # warm caches that are per process (content types, sites)
    forget_data(everything=True)  # render the page afresh: the page cache would answer

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200
