"""The year after: Harborview, a city of last year's cohort, in its follow-on phase.

The past cohort ended about ten and a half months ago; Harborview's phase began the next
day, with performance management as its focus (chosen with coach3@demo.test, who also
coaches cities of the current cohort). The team recorded quarters 1, 2 and 4 of its strategy's
initiatives and metrics; quarter 3 was never recorded, so it is late: the coach's home,
``/staff/year-after/late/`` and the cohort's alumni view
(``/staff/cohorts/past-cohort/alumni/``) show it. Sign in as ``cdo@harborview.demo.test``.
Safe to run twice: stable keys, and recording an unchanged quarter changes nothing.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Membership, Role
from cities.models import City
from coaching.models import CheckIn, CheckInStatus, CoachAssignment
from cohorts.models import Cohort, Enrollment
from demo.peers import _user
from followon.models import FocusArea
from followon.phase import choose_focus, start_follow_on
from followon.updates import record_quarter
from strategy.editing import start_strategy
from strategy.models import Initiative, Metric

PEOPLE = [
    ("mayor@harborview.demo.test", "Mayor Dana Brooks", Role.MAYOR),
    ("cdo@harborview.demo.test", "Lee Harper", Role.CDO),
    ("manager@harborview.demo.test", "Morgan Reyes", Role.CITY_MANAGER),
]
INITIATIVES = [
    ("governance", "Publish a citywide data inventory", 1),
    ("use", "Monthly performance reviews with department heads", 1),
    ("transparency", "Open the 311 service data", 2),
]
METRICS = [
    ("use", "Departments holding monthly performance reviews", "0", "6", "10", "14"),
    ("transparency", "Datasets published on the open data portal", "12", "40", "70", "100"),
]
# quarter: ({initiative title: (status, note)}, {metric name: actual}); quarter 3 is missing.
QUARTERS = {
    1: ({"Publish a citywide data inventory": ("in_progress", "Two of nine departments done."),
         "Monthly performance reviews with department heads": (
             "in_progress", "First review held with Public Works."),
         "Open the 311 service data": ("planned", "Waits for the inventory.")},
        {"Departments holding monthly performance reviews": "1",
         "Datasets published on the open data portal": "15"}),
    2: ({"Publish a citywide data inventory": ("in_progress", "Six of nine departments done."),
         "Monthly performance reviews with department heads": (
             "in_progress", "Four departments meet monthly."),
         "Open the 311 service data": ("delayed", "Privacy review of free-text fields.")},
        {"Departments holding monthly performance reviews": "4",
         "Datasets published on the open data portal": "22"}),
    4: ({"Publish a citywide data inventory": ("done", "Inventory published in full."),
         "Monthly performance reviews with department heads": (
             "in_progress", "Seven departments meet monthly."),
         "Open the 311 service data": ("in_progress", "Pilot export approved.")},
        {"Departments holding monthly performance reviews": "7",
         "Datasets published on the open data portal": "37"}),
}


def _cohort(today):
    ends = today - timedelta(days=320)
    cohort, _ = Cohort.objects.update_or_create(
        slug="past-cohort",
        defaults=dict(name="City Data Alliance — Accelerator (last year's cohort)",
                      starts_on=ends - timedelta(days=182), ends_on=ends,
                      time_zone="America/New_York", capacity=12, status="completed",
                      follow_on_months=12),
    )
    return cohort


def _city(password):
    city, _ = City.objects.update_or_create(slug="harborview", defaults=dict(
        name="Harborview", country="US", region="Oregon", time_zone="America/Los_Angeles",
        population=212_000, population_source="U.S. Census Bureau", population_year=2020))
    people = {}
    for email, name, role in PEOPLE:
        people[role] = _user(email, name, "America/Los_Angeles", "en", password)
        Membership.objects.update_or_create(
            user=people[role], city=city,
            defaults={"role": role, "is_city_admin": role == Role.CDO})
    return city, people


def _plan(city, cdo):
    strategy = start_strategy(city=city, user=cdo)
    plans = {plan.key: plan for plan in strategy.components.all()}
    initiatives = {}
    for key, title, year in INITIATIVES:
        initiatives[title], _ = Initiative.objects.get_or_create(
            component=plans[key], title=title,
            defaults={"year": year, "quarters": [1, 2], "owner": "Chief data officer"})
    metrics = {}
    for key, name, baseline, *targets in METRICS:
        metrics[name], _ = Metric.objects.get_or_create(
            component=plans[key], name=name,
            defaults=dict(baseline=baseline, target_year_1=targets[0],
                          target_year_2=targets[1], target_year_3=targets[2],
                          frequency="quarterly", data_source="City data team"))
    return initiatives, metrics


def _monthly_checkin(city, enrollment, coach, people, today):
    """The follow-on's monthly call with the coach, 12 days ago (so the coach's cadence
    shows Harborview as met, not overdue since the cohort ended)."""
    zone, day = ZoneInfo(city.time_zone), today - timedelta(days=12)
    checkin, _ = CheckIn.objects.update_or_create(
        city=city, summary="Year after: monthly call on the performance reviews.",
        defaults=dict(
            enrollment=enrollment, coach=coach, happened_at=datetime.combine(day, time(10), zone),
            duration_minutes=45, mode="video", status=CheckInStatus.LOGGED,
            logged_at=datetime.combine(day, time(12), zone),
            lead_rag="green", invest_rag="amber", empower_rag="amber"))
    checkin.attendees.set([people[Role.CDO], people[Role.CITY_MANAGER]])


def seed(demo):
    """Harborview in its year after, with three quarters recorded and one late."""
    today = timezone.localdate()
    password = make_password(settings.DEMO_PASSWORD)
    cohort = _cohort(today)
    city, people = _city(password)
    enrollment, _ = Enrollment.objects.get_or_create(city=city, cohort=cohort)
    coach = demo["users"]["coach3@demo.test"]
    CoachAssignment.objects.update_or_create(
        coach=coach, enrollment=enrollment, defaults={"is_primary": True, "cadence_days": 30})
    _monthly_checkin(city, enrollment, coach, people, today)
    initiatives, metrics = _plan(city, people[Role.CDO])
    follow_on = start_follow_on(enrollment=enrollment)
    if not follow_on.focus_area:
        choose_focus(follow_on=follow_on, focus_area=FocusArea.PERFORMANCE, by=coach,
                     focus_note="Monthly performance reviews in every department.")
    for quarter, (statuses, actuals) in QUARTERS.items():
        record_quarter(
            follow_on=follow_on, quarter=quarter, today=today, by=people[Role.CDO],
            initiatives={initiatives[t].pk: {"status": s, "note": n}
                         for t, (s, n) in statuses.items()},
            metrics={metrics[name].pk: {"actual": value} for name, value in actuals.items()})
    demo["year_after_city"] = city
