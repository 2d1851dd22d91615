"""The training commitment is each senior-team member's: a month is met only when every
active member met it; the ledger page, cohort health, the staff calendar and the API say
so. Hours before the cohort began are refused."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django_scopes import scopes_disabled

from dashboards.health import GREEN, RED, cohort_health
from schedule.commitment import monthly_hours
from schedule.hours import city_today, credit_hours, log_learning
from schedule.models import HoursEntry

NOVEMBER = datetime.date(2026, 11, 1)


def _credit(town, user, hours, on_date, key):
    credit_hours(city=town.city, user=user, hours=hours, on_date=on_date, source="self",
                 source_key=key)


def test_one_keen_member_does_not_meet_the_month_for_the_team(town, no_scope):
    _credit(town, town.cdo, 12, datetime.date(2026, 11, 3), "a")
    _credit(town, town.policy, 4, datetime.date(2026, 11, 4), "b")
    _credit(town, town.mayor, 3, datetime.date(2026, 11, 5), "c")

    (total,) = monthly_hours(city=town.city, months=[NOVEMBER])

    assert total.hours == Decimal("19")  # the team's whole ledger for the month
    assert [(m.user, m.hours, m.met) for m in total.members] == [
        (u, h, met) for u, h, met in sorted(
            [(town.cdo, Decimal("12"), True), (town.policy, Decimal("4"), False)],
            key=lambda row: row[0].name,
        )
    ]  # the mayor is not on the senior team
    assert (total.met, total.members_met, total.shortfall) == (False, 1, Decimal("1"))


def test_the_month_is_met_when_every_active_member_met_it(town, no_scope):
    _credit(town, town.cdo, 5, datetime.date(2026, 11, 3), "a")
    _credit(town, town.policy, 5.5, datetime.date(2026, 11, 4), "b")
    gone = town.policy.__class__.objects.create_user(email="gone@alpha.test", password="x")
    from accounts.models import Membership

    Membership.objects.create(user=gone, city=town.city, role="equity_lead")
    gone.is_active = False
    gone.save()

    (total,) = monthly_hours(city=town.city, months=[NOVEMBER])

    assert total.met and len(total.members) == 2


def test_the_hours_page_shows_each_member_and_the_rule(town):
    with scopes_disabled():
        _credit(town, town.cdo, 9, city_today(town.city), "a")
    client = Client()
    client.force_login(town.cdo)

    body = client.get(f"/c/{town.city.slug}/hours/").content.decode()

    assert "only when every active senior-team member met it" in body
    members = body[body.index('<table class="members">'):]
    members = members[:members.index("</table>")]
    assert town.cdo.name in members and town.policy.name in members
    assert town.mayor.name not in members
    assert "5 h short" in members  # the policy lead, with none
    months = body[body.index('<table class="months">'):]
    assert "1 of 2" in months[:months.index("</table>")]
    assert "Not met" in months[:months.index("</table>")]


def test_health_reads_the_member_furthest_behind(town, no_scope):
    _credit(town, town.cdo, 40, city_today(town.city), "a")  # far ahead of any pro-rata target
    credit_hours(city=town.other, user=town.other_cdo, hours=40, on_date=city_today(town.other),
                 source="self", source_key="b")

    cells = {row.city.pk: row.cells["hours"] for row in cohort_health(cohort=town.cohort)}

    assert (cells[town.city.pk].rag, cells[town.city.pk].text) == (RED, "1 of 2 on track")
    assert (cells[town.other.pk].rag, cells[town.other.pk].text) == (GREEN, "1 of 1 on track")


def test_the_staff_calendar_counts_members(town, no_scope):
    _credit(town, town.cdo, 12, city_today(town.city), "a")
    client = Client()
    client.force_login(town.staff)

    page = client.get(f"/staff/cohorts/{town.cohort.slug}/").content.decode()
    table = page[page.index('class="city-hours"'):page.index("</table>", page.index("city-hours"))]

    assert ">Alpha</a></th><td>12</td><td>5 h each</td>" in table
    assert "1 of 2 members met it" in table


def test_the_api_gives_each_members_month(town):
    with scopes_disabled():
        _credit(town, town.cdo, 6, city_today(town.city), "a")
    client = Client()
    client.force_login(town.cdo)

    months = client.get(f"/api/v1/cities/{town.city.slug}/hours/").json()["months"]

    assert months[0]["met"] is False
    assert {(m["name"], m["hours"], m["met"]) for m in months[0]["members"]} == {
        (town.cdo.name, "6.00", True), (town.policy.name, "0.00", False)
    }


@pytest.mark.parametrize("on_date", [datetime.date(2026, 9, 30), datetime.date(2025, 1, 1)])
def test_hours_before_the_cohort_began_are_refused_at_the_date(town, no_scope, on_date):
    with pytest.raises(ValidationError) as error:
        log_learning(city=town.city, user=town.cdo, hours=1, on_date=on_date, note="Reading")

    assert "before the cohort began" in " ".join(error.value.message_dict["on_date"])
    assert not HoursEntry.objects.exists()


def test_the_first_day_of_the_cohort_counts(town, no_scope):
    entry = log_learning(city=town.city, user=town.cdo, hours=1,
                         on_date=datetime.date(2026, 10, 1), note="Reading")

    assert entry.on_date == town.cohort.starts_on


def test_the_page_shows_the_refusal_at_the_field(town):
    client = Client()
    client.force_login(town.cdo)

    response = client.post(f"/c/{town.city.slug}/hours/", {
        "hours": "1", "on_date": "2026-09-15", "note": "Early reading",
    })

    assert response.status_code == 400
    assert "before the cohort began" in response.content.decode()
    with scopes_disabled():
        assert not HoursEntry.objects.exists()
