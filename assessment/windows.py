"""When a cohort's assessments are open: the baseline in its first month, the end assessment
in its last month (computed from the cohort's dates), and opening them for the cities."""

import calendar
import datetime

from django.db import IntegrityError, transaction

from assessment.frameworks import current_framework
from assessment.models import Assessment, Kind
from cohorts.models import Enrollment


def add_months(day, months):
    """``day`` moved by ``months`` (the last day of the month when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window(cohort, kind):
    """``(opens_on, closes_on)`` of ``kind`` for ``cohort``: the baseline from the first day
    for one month, the end assessment the last month up to the last day."""
    if kind == Kind.BASELINE:
        closes = add_months(cohort.starts_on, 1) - datetime.timedelta(days=1)
        return cohort.starts_on, min(closes, cohort.ends_on)
    opens = add_months(cohort.ends_on, -1) + datetime.timedelta(days=1)
    return max(opens, cohort.starts_on), cohort.ends_on


def is_open(assessment, today):
    """Whether the team may still answer and change answers (inside the window)."""
    return assessment.opens_on <= today <= assessment.closes_on


def is_finished(assessment, today):
    """Whether the window has closed: the assessment is final."""
    return today > assessment.closes_on


def open_assessment(*, enrollment, kind, framework=None):
    """The ``kind`` assessment of ``enrollment`` (made now, with the framework in use, when
    it does not exist yet); ``None`` when there is no framework at all."""
    existing = Assessment.objects.filter(enrollment=enrollment, kind=kind).first()
    if existing:
        return existing
    framework = framework or current_framework()
    if framework is None:
        return None
    opens_on, closes_on = window(enrollment.cohort, kind)
    try:
        with transaction.atomic():
            return Assessment.objects.create(
                city_id=enrollment.city_id, enrollment=enrollment, kind=kind,
                framework=framework, opens_on=opens_on, closes_on=closes_on)
    except IntegrityError:  # made by a parallel request meanwhile
        return Assessment.objects.get(enrollment=enrollment, kind=kind)


def due_kinds(cohort, today):
    """The kinds whose window has opened by ``today``."""
    return [kind for kind in Kind.values if window(cohort, kind)[0] <= today]


def open_due_assessments(*, today, enrollments=None):
    """Open every assessment whose window has opened for the enrolled (not withdrawn)
    cities; returns how many were made. Run by the beat task (scopes disabled) and, for one
    city, by its assessment page."""
    if enrollments is None:
        enrollments = Enrollment.objects.filter(
            withdrawn_on__isnull=True, cohort__starts_on__lte=today).select_related("cohort")
    have = set(Assessment.objects.filter(enrollment__in=enrollments)
               .values_list("enrollment_id", "kind"))
    made, framework = 0, None
    for enrollment in enrollments:
        for kind in due_kinds(enrollment.cohort, today):
            if (enrollment.pk, kind) in have:
                continue
            framework = framework or current_framework()
            if open_assessment(enrollment=enrollment, kind=kind, framework=framework):
                made += 1
    return made
