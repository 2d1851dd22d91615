"""Marking who attended a session; attended sessions credit training hours."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from schedule.audience import invited_memberships
from schedule.convening import mayor_presence
from schedule.hours import city_date, credit_hours, uncredit_hours
from schedule.models import Attendance, HoursSource


def session_source_key(session):
    return f"session:{session.pk}"


@transaction.atomic
def mark_attendance(*, session, user, city, attended=True, by):
    """Record that ``user`` of ``city`` attended ``session`` (or, with ``attended=False``,
    did not), crediting (or taking back) the session's length in their training hours.

    Marking twice credits once. Mayor-only sessions accept only the mayor's own attendance:
    nobody can be recorded in the mayor's place.
    """
    if session.is_cancelled:
        raise ValidationError({"attended": _("This session was cancelled.")})
    if session.starts_at > timezone.now():
        raise ValidationError({"attended": _("Attendance is marked once the session has begun.")})
    invited = {(m.user_id, m.city_id): m for m in invited_memberships(session=session, city=city)}
    if (user.pk, city.pk) not in invited:
        if session.is_mayor_only:
            raise ValidationError({"attended": _(
                "Only the mayor can attend this session; no one can attend in their place."
            )})
        raise ValidationError({"attended": _("This person is not invited to this session.")})
    key = session_source_key(session)
    with scopes_disabled():
        if attended:
            Attendance.objects.update_or_create(
                session=session, user=user, defaults={"city": city, "marked_by": by}
            )
            credit_hours(
                city=city, user=user, hours=session.duration_hours,
                on_date=city_date(city=city, moment=session.starts_at),
                source=HoursSource.SESSION, source_key=key, note=session.title,
            )
        else:
            Attendance.objects.filter(session=session, user=user).delete()
            uncredit_hours(user=user, source_key=key)


def save_attendance_checklist(*, session, present, by):
    """Save the staff checklist: ``present`` is the set of ``(user_id, city_id)`` checked.

    Everyone invited is marked attended or not accordingly. Returns the number attended.
    """
    memberships = invited_memberships(session=session)
    allowed = {(m.user_id, m.city_id) for m in memberships}
    unknown = set(present) - allowed
    if unknown:
        raise ValidationError({"attended": _(
            "Only invited people can be marked; for a mayor-only session, only mayors."
        )})
    with scopes_disabled():
        already = set(
            Attendance.objects.filter(session=session).values_list("user_id", "city_id")
        )
    for membership in memberships:
        pair = (membership.user_id, membership.city_id)
        if (pair in present) != (pair in already):
            mark_attendance(
                session=session, user=membership.user, city=membership.city,
                attended=pair in present, by=by,
            )
    return len(present)


def mayors_not_confirmed(*, session):
    """Mayors invited to ``session`` still to chase (the convening check): not marked
    present once it has begun, no yes before (see :mod:`schedule.convening`)."""
    return [s.membership for s in mayor_presence(sessions=[session]) if not s.ok]
