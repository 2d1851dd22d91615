"""The training-hours ledger: months in the city's time zone, credits once, logging."""

import datetime
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from schedule.attendance import mark_attendance
from schedule.commitment import monthly_hours
from schedule.hours import credit_hours, log_learning
from schedule.models import HoursEntry
from schedule.scheduling import schedule_session
from tests import factories
from tests.schedule.conftest import at


def _month(city, month):
    (total,) = monthly_hours(city=city, months=[month])
    return total.hours


def test_a_session_late_on_the_last_evening_counts_in_the_citys_month(town, no_scope):
    """21:30 in Chicago on 31 January is already February in UTC (and in New York it is
    22:30, still January): it belongs to January for a Chicago city."""
    beta = town.other
    start = at(2026, 1, 31, 21, 30, zone=ZoneInfo("America/Chicago"))
    session = schedule_session(
        cohort=town.cohort, kind="workshop", title="Late workshop", starts_at=start,
        ends_at=start + datetime.timedelta(hours=1, minutes=30),
    )

    mark_attendance(session=session, user=town.other_cdo, city=beta, by=town.staff)

    assert start.astimezone(datetime.UTC).month == 2
    assert _month(beta, datetime.date(2026, 1, 1)) == Decimal("1.5")
    assert _month(beta, datetime.date(2026, 2, 1)) == Decimal("0")


def test_this_month_is_the_citys_month_not_utcs(town, no_scope):
    """At 02:00 UTC on 1 March it is still 28 February in Chicago."""
    moment = datetime.datetime(2027, 3, 1, 2, 0, tzinfo=datetime.UTC)
    with mock.patch.object(timezone, "now", return_value=moment):
        (current,) = monthly_hours(city=town.other, months=1)
        (utc_city_month,) = monthly_hours(
            city=factories.CityFactory(time_zone="UTC"), months=1
        )

    assert current.month == datetime.date(2027, 2, 1)
    assert utc_city_month.month == datetime.date(2027, 3, 1)


def test_attendance_marked_twice_is_credited_once(town, no_scope):
    start = at(2026, 11, 3, 12)
    session = schedule_session(
        cohort=town.cohort, kind="keynote", title="Keynote", starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )

    mark_attendance(session=session, user=town.cdo, city=town.city, by=town.staff)
    mark_attendance(session=session, user=town.cdo, city=town.city, by=town.staff)

    entries = HoursEntry.objects.filter(user=town.cdo)
    assert [(e.hours, e.source, e.on_date) for e in entries] == [
        (Decimal("2.00"), "session", datetime.date(2026, 11, 3))
    ]


def test_unmarking_attendance_takes_the_credit_back(town, no_scope):
    start = at(2026, 11, 3, 12)
    session = schedule_session(
        cohort=town.cohort, kind="keynote", title="Keynote", starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    mark_attendance(session=session, user=town.cdo, city=town.city, by=town.staff)

    mark_attendance(session=session, user=town.cdo, city=town.city, attended=False,
                    by=town.staff)

    assert not HoursEntry.objects.filter(user=town.cdo).exists()


def test_credit_hours_is_idempotent_by_source_key_and_person(town, no_scope):
    kwargs = dict(city=town.city, hours=1, on_date=datetime.date(2026, 11, 4),
                  source="checkin", source_key="checkin:7")

    credit_hours(user=town.cdo, **kwargs)
    credit_hours(user=town.cdo, **kwargs)
    credit_hours(user=town.policy, **kwargs)

    assert HoursEntry.objects.filter(source_key="checkin:7").count() == 2
    assert _month(town.city, datetime.date(2026, 11, 1)) == Decimal("2")


def test_monthly_totals_compare_with_the_commitment(town, no_scope):
    town.city.monthly_commitment_hours = Decimal("5")
    town.city.save()
    for hours, day in ((3, 2), (2.5, 20)):
        credit_hours(city=town.city, user=town.cdo, hours=hours, on_date=datetime.date(
            2026, 10, day), source="self", source_key=f"self:{day}")
    credit_hours(city=town.city, user=town.policy, hours=5, on_date=datetime.date(2026, 10, 9),
                 source="self", source_key="self:policy")
    credit_hours(city=town.city, user=town.cdo, hours=4, on_date=datetime.date(2026, 11, 2),
                 source="self", source_key="self:nov")

    november, october = monthly_hours(
        city=town.city, months=[datetime.date(2026, 10, 1), datetime.date(2026, 11, 1)]
    )

    # Each member against 5 hours: in November the CDO is 1 short and the policy lead 5.
    assert (october.hours, october.met) == (Decimal("10.5"), True)
    assert (november.hours, november.met, november.shortfall) == (Decimal("4"), False,
                                                                   Decimal("6"))


@pytest.mark.parametrize(
    ("hours", "on_date", "note", "field"),
    [
        ("0", datetime.date(2026, 11, 1), "Reading", "hours"),
        ("30", datetime.date(2026, 11, 1), "Reading", "hours"),
        ("1", datetime.date(2099, 1, 1), "Reading", "on_date"),
        ("1", datetime.date(2026, 11, 1), "   ", "note"),
    ],
)
def test_logging_learning_refuses_bad_input_at_the_field(town, no_scope, hours, on_date, note,
                                                         field):
    with pytest.raises(ValidationError) as error:
        log_learning(city=town.city, user=town.cdo, hours=hours, on_date=on_date, note=note)

    assert field in error.value.message_dict
    assert not HoursEntry.objects.exists()


def test_logging_learning_on_the_page(town):
    client = Client()
    client.force_login(town.cdo)

    response = client.post(f"/c/{town.city.slug}/hours/", {
        "hours": "1.25", "on_date": "2026-11-02", "note": "Data-governance primer",
    }, follow=True)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Data-governance primer" in body
    with scope(city=town.city):
        entry = HoursEntry.objects.get()
    assert (entry.hours, entry.source, entry.user) == (Decimal("1.25"), "self", town.cdo)


def test_a_bad_log_shows_the_message_at_the_field_and_saves_nothing(town):
    client = Client()
    client.force_login(town.cdo)

    response = client.post(f"/c/{town.city.slug}/hours/", {
        "hours": "1", "on_date": "2099-01-01", "note": "Future learning",
    })

    assert response.status_code == 400
    assert "has not come yet" in response.content.decode()
    with scopes_disabled():
        assert not HoursEntry.objects.exists()


def test_the_city_home_shows_this_months_hours(town, no_scope):
    from schedule.hours import city_today

    credit_hours(city=town.city, user=town.cdo, hours=2, on_date=city_today(town.city),
                 source="self", source_key="self:home")
    client = Client()
    client.force_login(town.cdo)

    body = client.get(f"/c/{town.city.slug}/").content.decode()

    assert "Training hours this month" in body
    assert "<strong>2</strong> hours by the team" in body
    assert "0 of 2 senior-team members have done their 5 hours" in body


def test_staff_see_each_citys_hours_this_month_on_the_cohort_page(town, no_scope):
    from schedule.hours import city_today

    credit_hours(city=town.city, user=town.cdo, hours=6, on_date=city_today(town.city),
                 source="self", source_key="self:staff-a")
    credit_hours(city=town.other, user=town.other_cdo, hours=1.5,
                 on_date=city_today(town.other), source="self", source_key="self:staff-b")
    client = Client()
    client.force_login(town.staff)

    page = client.get(f"/staff/cohorts/{town.cohort.slug}/").content.decode()
    table = page[page.index('class="city-hours"'):page.index("</table>", page.index("city-hours"))]

    assert ">Alpha</a></th><td>6</td><td>5 h each</td>" in table
    assert "1 of 2 members met it" in table  # the policy lead logged nothing
    assert ">Beta</a></th><td>1.5</td><td>5 h each</td>" in table
    assert "0 of 1 members met it" in table
