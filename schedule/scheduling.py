"""Filling a cohort's calendar: schedule, move, cancel, duplicate, repeat, copy a plan.

Times are aware datetimes; a session is planned in its own ``time_zone``, and repeating or
shifting a session keeps its wall-clock time in that zone across daylight-saving changes.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import validate_time_zone
from caching.data_versions import forget_data
from cohorts.models import Enrollment
from curriculum.models import Material
from schedule.models import Audience, Session
from schedule.notices import announce_sessions, notify_session_changed

COPIED_FIELDS = (
    "cohort_id", "kind", "title", "description", "time_zone", "location", "video_url",
    "audience", "city_id", "capacity", "module_id", "host_id",
)


def check_session_fields(*, cohort, starts_at, ends_at, time_zone, audience, city):
    """Refuse (per field) times without a zone, an end before the start, an unknown zone,
    and a one-city session without a city of the cohort (or a city on another audience)."""
    errors = {}
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        errors["time_zone"] = error.messages
    if starts_at is None or timezone.is_naive(starts_at):
        errors["starts_at"] = _("Give the start with its time zone.")
    if ends_at is None or timezone.is_naive(ends_at):
        errors["ends_at"] = _("Give the end with its time zone.")
    elif "starts_at" not in errors and ends_at <= starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    if audience not in Audience.values:
        errors["audience"] = _("Choose an audience.")
    elif audience == Audience.CITY:
        if city is None:
            errors["city"] = _("Choose the city this session is for.")
        else:
            with scopes_disabled():
                if not Enrollment.objects.filter(city=city, cohort=cohort).exists():
                    errors["city"] = _("This city is not in the cohort.")
    elif city is not None:
        errors["city"] = _("Only one-city sessions name a city.")
    if errors:
        raise ValidationError(errors)


def schedule_session(*, cohort, kind, title, starts_at, ends_at, time_zone=None,
                     audience=Audience.EVERYONE, city=None, announce=True, **fields):
    """Add a session to ``cohort``'s calendar; returns it (see ``checks`` for warnings).

    ``fields`` may set description, location, video_url, capacity, module and host.
    Its audience is told (with the .ics) unless ``announce`` is False.
    """
    time_zone = time_zone or cohort.time_zone
    check_session_fields(cohort=cohort, starts_at=starts_at, ends_at=ends_at, time_zone=time_zone,
           audience=audience, city=city)
    session = Session(
        cohort=cohort, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at,
        time_zone=time_zone, audience=audience, city=city, **fields,
    )
    session.full_clean()
    session.save()
    if announce:
        announce_sessions(sessions=[session])
    return session


@transaction.atomic
def move_session(*, session, starts_at, ends_at=None, by=None, reason=""):
    """Move ``session`` to a new time; keeps its length unless ``ends_at`` is given.

    The session keeps its calendar UID and raises its sequence; its audience is told with
    the new .ics, and reminders re-arm for the new time (their occurrence includes it).
    """
    if ends_at is None and starts_at is not None:
        ends_at = starts_at + (session.ends_at - session.starts_at)
    check_session_fields(cohort=session.cohort, starts_at=starts_at, ends_at=ends_at,
           time_zone=session.time_zone, audience=session.audience, city=session.city)
    if session.is_cancelled:
        raise ValidationError({"starts_at": _("A cancelled session cannot be moved.")})
    if starts_at == session.starts_at and ends_at == session.ends_at:
        return session
    previous_start = session.starts_at
    session.starts_at, session.ends_at = starts_at, ends_at
    session.sequence += 1
    session.save(update_fields=["starts_at", "ends_at", "sequence", "updated_at"])
    notify_session_changed(
        session=session, event="session.moved", previous_start=previous_start, reason=reason
    )
    return session


@transaction.atomic
def cancel_session(*, session, by=None, reason=""):
    """Cancel ``session``: it stays on calendars as cancelled; its audience is told."""
    if session.is_cancelled:
        return session
    session.is_cancelled = True
    session.sequence += 1
    session.save(update_fields=["is_cancelled", "sequence", "updated_at"])
    notify_session_changed(session=session, event="session.cancelled", reason=reason)
    return session


def shift_wall_clock(moment, *, zone, days):
    """``moment`` moved by ``days`` keeping its wall-clock time in ``zone`` (DST-safe)."""
    local = timezone.localtime(moment, zone)
    naive = datetime.combine(local.date() + timedelta(days=days), local.time())
    return timezone.make_aware(naive, zone)


def duplicate_session(*, session, starts_at=None, days=None, announce=True):
    """A copy of ``session`` (new UID) at ``starts_at``, or ``days`` later at the same
    wall-clock time; its materials links are copied too. The copy's audience is told
    unless ``announce`` is False (a series or a plan tells everyone once, at the end).
    """
    if starts_at is None:
        days = 7 if days is None else days
        starts_at = shift_wall_clock(session.starts_at, zone=session.zone, days=days)
        ends_at = shift_wall_clock(session.ends_at, zone=session.zone, days=days)
    else:
        ends_at = starts_at + (session.ends_at - session.starts_at)
    fields = {name: getattr(session, name) for name in COPIED_FIELDS}
    copy = Session(starts_at=starts_at, ends_at=ends_at, **fields)
    copy.full_clean()
    copy.save()
    Material.objects.bulk_create(
        Material(session=copy, title=m.title, url=m.url, file=m.file.name, order=m.order)
        for m in session.materials.all()
    )
    forget_data(models=["curriculum.material"], everything=True)  # bulk_create: no signals
    if announce:
        announce_sessions(sessions=[copy])
    return copy


def create_weekly_series(*, session, weeks):
    """Repeat ``session`` every week, ``weeks`` sessions in all (the original included).

    Each copy keeps the wall-clock time in the session's zone. Returns the new sessions.
    The audience is told once about the whole series (one message per person).
    """
    if not isinstance(weeks, int) or not 2 <= weeks <= 26:
        raise ValidationError({"weeks": _("Choose between 2 and 26 weeks.")})
    with transaction.atomic():
        copies = [
            duplicate_session(session=session, days=7 * n, announce=False)
            for n in range(1, weeks)
        ]
        announce_sessions(sessions=copies)
    return copies


@transaction.atomic
def copy_cohort_plan(*, source, target):
    """Copy ``source`` cohort's sessions to ``target``, shifted by the gap between their
    start dates (wall-clock times kept). Cancelled sessions and one-city sessions for a
    city not in ``target`` are left out. Returns the new sessions. Each person invited
    to some of them is told once, about theirs.
    """
    if source.pk == target.pk:
        raise ValidationError({"source": _("Choose another cohort to copy from.")})
    days = (target.starts_on - source.starts_on).days
    with scopes_disabled():
        target_cities = set(target.enrollments.values_list("city_id", flat=True))
    copies = []
    for session in source.sessions.filter(is_cancelled=False).order_by("starts_at"):
        if session.audience == Audience.CITY and session.city_id not in target_cities:
            continue
        copy = duplicate_session(session=session, days=days, announce=False)
        copy.cohort = target
        copy.save(update_fields=["cohort"])
        copies.append(copy)
    announce_sessions(sessions=copies)
    return copies
