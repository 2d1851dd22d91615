"""Check-ins: a coach's meeting with a city's team, from draft to logged record.

A check-in is saved as a draft while the coach types (autosave), then logged. Logging
checks that the record is complete, credits the attendees' training hours and tells the
city's team that the shared summary is there. Private notes never leave the coach and
program staff: they are not passed to notifications and not kept in the history.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.access import city_access
from cities.doors import allows
from cities.people import mayors_of, members_of
from coaching.models import CheckIn, CheckInStatus, Pillar
from cohorts.models import Enrollment
from notifications.services import notify
from schedule.hours import city_date, credit_hours, uncredit_hours
from schedule.models import HoursSource

#: The fields a coach fills in (attendees are passed separately).
CHECKIN_FIELDS = [
    "happened_at", "duration_minutes", "mode", "summary", "private_notes",
    *[f"{p.value}_{part}" for p in Pillar for part in ("rag", "why")],
    "decisions", "next_checkin_on",
]
NULLABLE_FIELDS = {"next_checkin_on"}
REQUIRED_IN_DATABASE = {"happened_at", "duration_minutes", "mode"}
MAX_DURATION_MINUTES = 8 * 60


def checkins_visible_to(*, city, user=None):
    """The check-ins of ``city`` that ``user`` may read: every one for its coaches and the
    program staff; only the logged ones for the city's own people (a draft, with its
    summary, decisions and ratings, stays the coach's until it is logged). Without ``user``:
    what the city's people see (its data export). Private notes are the caller's to leave
    out."""
    checkins = CheckIn.objects.filter(city=city)
    if user is None or not allows("can_log_checkin", user, city):
        checkins = checkins.filter(status=CheckInStatus.LOGGED)
    return checkins


def city_member_ids(*, city):
    """The ids of the people on ``city``'s team (the possible attendees and owners)."""
    return set(members_of(city).values_list("pk", flat=True))


def new_checkin_defaults(*, city, now=None):
    """Sensible starting values for the quick logging form: a one-hour video call that
    has just ended (start rounded down to the quarter hour)."""
    start = timezone.localtime(now or timezone.now()) - timedelta(minutes=60)
    start = start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)
    return {"happened_at": start, "duration_minutes": 60, "mode": "video"}


def _apply(checkin, values, attendee_ids):
    for name, value in values.items():
        if name not in CHECKIN_FIELDS:
            raise ValueError(f"Not a check-in field: {name}")
        if value is None and name in REQUIRED_IN_DATABASE:
            continue  # a draft keeps its previous (or default) value
        if value is None and name not in NULLABLE_FIELDS:
            value = ""
        setattr(checkin, name, value)
    if attendee_ids is not None:
        members = city_member_ids(city=checkin.city)
        strangers = set(attendee_ids) - members
        if strangers:
            raise ValidationError(
                {"attendees": _("Attendees must be members of the city's team.")}
            )


def _validate_complete(checkin, attendee_ids):
    """The rules a check-in must meet to be logged (a draft may be incomplete)."""
    errors = {}
    if not checkin.happened_at:
        errors["happened_at"] = _("Say when the check-in took place.")
    elif checkin.happened_at > timezone.now() + timedelta(hours=12):
        errors["happened_at"] = _("A check-in can only be logged once it has taken place.")
    if not checkin.duration_minutes or not 1 <= checkin.duration_minutes <= MAX_DURATION_MINUTES:
        errors["duration_minutes"] = _("Give a duration between 1 and 480 minutes.")
    if not (checkin.summary or "").strip():
        errors["summary"] = _("Write a short summary for the city's team.")
    if not attendee_ids:
        errors["attendees"] = _("Tick at least one person who attended.")
    if checkin.next_checkin_on and checkin.happened_at and (
        checkin.next_checkin_on <= timezone.localdate(checkin.happened_at)
    ):
        errors["next_checkin_on"] = _("The next check-in must be after this one.")
    for pillar in Pillar:
        rag = getattr(checkin, f"{pillar.value}_rag")
        why = (getattr(checkin, f"{pillar.value}_why") or "").strip()
        if rag and not why:
            errors[f"{pillar.value}_why"] = _("Say in a sentence why.")
    if errors:
        raise ValidationError(errors)


def _enrollment_for(city, coach):
    enrollments = Enrollment.objects.filter(city=city).order_by("-cohort__starts_on")
    return enrollments.filter(coach_assignments__coach=coach).first() or enrollments.first()


def save_checkin_draft(*, city, by, checkin=None, values, attendee_ids=None):
    """Create or update a draft check-in for ``city`` as the coach types; return it.

    A draft may be incomplete. A logged check-in is not touched here (edit it with
    :func:`log_checkin`), so an autosave from a stale page cannot rewrite the record.
    """
    if checkin is None:
        checkin = CheckIn(
            city=city, coach=by if _is_coach(by, city) else None,
            enrollment=_enrollment_for(city, by), status=CheckInStatus.DRAFT,
            **new_checkin_defaults(city=city),
        )
    elif checkin.city_id != city.pk:
        raise ValidationError({"checkin": _("Unknown check-in.")})
    elif checkin.is_logged:
        raise ValidationError(_("This check-in is already logged; save your changes instead."))
    _apply(checkin, values, attendee_ids)
    if checkin.duration_minutes and checkin.duration_minutes > MAX_DURATION_MINUTES:
        raise ValidationError({"duration_minutes": _("Give a duration between 1 and 480 minutes.")})
    checkin._history_user = by
    with transaction.atomic():
        checkin.save()
        if attendee_ids is not None:
            checkin.attendees.set(attendee_ids)
    return checkin


def _is_coach(user, city):
    return city_access(user, city).is_coach


@transaction.atomic
def log_checkin(*, city, by, checkin=None, values=None, attendee_ids=None):
    """Log a check-in (new, a draft, or an edit of a logged one); return it.

    Checks that the record is complete, saves it as logged, credits each attendee the
    check-in's length as training hours (once per attendee, however often it is edited)
    and, the first time it is logged, tells the city's team the summary is there.
    """
    if checkin is None:
        checkin = CheckIn(
            city=city, coach=by if _is_coach(by, city) else None,
            enrollment=_enrollment_for(city, by), **new_checkin_defaults(city=city),
        )
    elif checkin.city_id != city.pk:
        raise ValidationError({"checkin": _("Unknown check-in.")})
    _apply(checkin, values or {}, attendee_ids)
    if attendee_ids is None:
        attendee_ids = set(checkin.attendees.values_list("pk", flat=True)) if checkin.pk else set()
    _validate_complete(checkin, attendee_ids)
    first_time = not checkin.is_logged
    before = set() if first_time else set(checkin.attendees.values_list("pk", flat=True))
    checkin.status = CheckInStatus.LOGGED
    checkin.logged_at = checkin.logged_at or timezone.now()
    checkin._history_user = by
    checkin.save()
    checkin.attendees.set(attendee_ids)
    credit_attendee_hours(checkin=checkin, removed_ids=before - set(attendee_ids))
    if first_time:
        _tell_team(checkin)
    return checkin


def credit_attendee_hours(*, checkin, removed_ids=()):
    """Credit each attendee of a logged check-in its length in training hours.

    Uses the training-hours ledger, keyed by ``checkin:<id>`` per person, so that editing
    a check-in updates the credit instead of adding one; people taken off the attendance
    (``removed_ids``) lose theirs.
    """
    key = f"checkin:{checkin.pk}"
    hours = (Decimal(checkin.duration_minutes) / Decimal(60)).quantize(Decimal("0.01"))
    on_date = city_date(city=checkin.city, moment=checkin.happened_at)
    for user in checkin.attendees.all():
        # No note stored: the ledger describes the line in its reader's language
        # (schedule.hours.ledger_note).
        credit_hours(
            city=checkin.city, user=user, hours=hours, on_date=on_date,
            source=HoursSource.CHECKIN, source_key=key,
        )
    if removed_ids:
        for user in User.objects.filter(pk__in=removed_ids):
            uncredit_hours(user=user, source_key=key)


def _tell_team(checkin):
    """Tell the senior team (and the mayor when they attended) that the shared part of a
    check-in is there."""
    attended = set(checkin.attendees.values_list("pk", flat=True))
    mayors = set(mayors_of(checkin.city).values_list("pk", flat=True))
    recipients = [
        person for person in members_of(checkin.city)
        if person.pk not in mayors or person.pk in attended
    ]
    if not recipients:
        return
    notify(
        "coaching.checkin_logged",
        recipients=recipients,
        about=checkin,
        # Only the shared part: never the private notes.
        context={
            "city": checkin.city, "happened_at": checkin.happened_at,
            "summary": checkin.summary, "decisions": checkin.decisions,
            "next_checkin_on": checkin.next_checkin_on, "coach": checkin.coach,
        },
        category="coaching",
    )
