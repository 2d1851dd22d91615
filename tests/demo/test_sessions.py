"""The demo calendar: every kind of session, past ones attended, Lakeside short of hours;
and running it twice changes nothing."""

from django.core.management import call_command
from django_scopes import scopes_disabled

from cities.models import City
from schedule.commitment import monthly_hours
from schedule.models import Attendance, HoursEntry, Rsvp, Session, SessionKind


def _counts():
    with scopes_disabled():
        return (Session.objects.count(), Rsvp.objects.count(), Attendance.objects.count(),
                HoursEntry.objects.count())


def test_seed_demo_fills_six_months_of_sessions_and_hours(db):
    call_command("seed_demo", verbosity=0)
    first = _counts()
    call_command("seed_demo", verbosity=0)

    assert _counts() == first
    kinds = set(Session.objects.values_list("kind", flat=True))
    assert kinds == set(SessionKind.values)
    convening = list(Session.objects.filter(kind="convening").order_by("starts_at"))
    assert convening[0].starts_at.astimezone(convening[0].zone).hour == 18
    assert all(s.audience == "mayors" for s in convening)
    with scopes_disabled():
        assert Attendance.objects.filter(session__kind="convening").exists()
        assert Rsvp.objects.exists()
        riverton, lakeside = City.objects.get(slug="riverton"), City.objects.get(slug="lakeside")
        last_month_r = monthly_hours(city=riverton, months=2)[1]
        last_month_l = monthly_hours(city=lakeside, months=2)[1]
    assert last_month_r.met
    assert not last_month_l.met and last_month_l.hours > 0
