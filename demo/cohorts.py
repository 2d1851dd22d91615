"""The demo cohort, its enrollments and coach assignments."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from coaching.models import CoachAssignment
from cohorts.models import Cohort, Enrollment, Program


def _month_start(day):
    return day.replace(day=1)


def seed(demo):
    """A cohort running now (started two months ago) with Riverton and Lakeside enrolled."""
    today = timezone.localdate()
    starts = _month_start(today - timedelta(days=60))
    ends = starts + timedelta(days=182)
    program, _ = Program.objects.get_or_create(name="City Data Alliance")
    tz = ZoneInfo("America/New_York")
    cohort, _ = Cohort.objects.update_or_create(
        slug="demo-cohort",
        defaults=dict(
            program=program, name="City Data Alliance — Accelerator (demo cohort)",
            starts_on=starts, ends_on=ends, time_zone="America/New_York", capacity=12,
            status="running",
            convening_starts_on=starts + timedelta(days=7),
            convening_ends_on=starts + timedelta(days=9),
            applications_open_at=datetime.combine(starts - timedelta(days=90), time(9), tz),
            applications_close_at=datetime.combine(starts - timedelta(days=30), time(17), tz),
        ),
    )
    demo["cohort"] = cohort
    demo["enrollments"] = {
        slug: Enrollment.objects.get_or_create(city=city, cohort=cohort)[0]
        for slug, city in demo["cities"].items()
    }
    coaches = {"riverton": "coach@demo.test", "lakeside": "coach2@demo.test"}
    for slug, email in coaches.items():
        CoachAssignment.objects.update_or_create(
            coach=demo["users"][email], enrollment=demo["enrollments"][slug],
            defaults={"is_primary": True, "cadence_days": 14},
        )



