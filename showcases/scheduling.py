"""Showcase sessions: staff place accepted showcases into slots (order, duration)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cities.people import coaches_of, senior_team_of
from schedule.models import Session, SessionKind
from showcases.models import ShowcaseSlot, State
from showcases.workflow import _tell


@transaction.atomic
def place_in_slot(*, showcase, session, by, order=None, duration_minutes=15):
    """Put an accepted showcase into a showcase session of its city's cohort.

    Placing it again moves it (one slot per showcase). ``order`` defaults to the end.
    """
    if showcase.state != State.ACCEPTED:
        raise ValidationError({"showcase": _("Only an accepted showcase can be scheduled.")})
    if session.kind != SessionKind.SHOWCASE or session.is_cancelled:
        raise ValidationError({"session": _("Choose a showcase session that is not cancelled.")})
    with scopes_disabled():
        if not showcase.city.enrollments.filter(cohort_id=session.cohort_id).exists():
            raise ValidationError({"session": _(
                "This session belongs to a cohort the city is not enrolled in."
            )})
        if not duration_minutes or not 1 <= int(duration_minutes) <= 240:
            raise ValidationError({"duration_minutes": _(
                "Give a duration between 1 and 240 minutes."
            )})
        if order is None:
            last = ShowcaseSlot.objects.filter(session=session).aggregate(m=Max("order"))["m"]
            order = (last or 0) + 1
        slot, _created = ShowcaseSlot.objects.update_or_create(
            showcase=showcase,
            defaults={"session": session, "order": order, "duration_minutes": duration_minutes},
        )
    _tell("scheduled", [*senior_team_of(showcase.city), *coaches_of(showcase.city)], showcase,
          session=session, slot=slot)
    return slot


def slots_for_session(session):
    """The showcases to be presented in ``session``, in order, with their cities.

    For the session page: ``{% for slot in slots %}{{ slot.order }}. {{ slot.showcase }}
    ({{ slot.showcase.city }}, {{ slot.duration_minutes }} min){% endfor %}``.
    """
    with scopes_disabled():
        return list(
            ShowcaseSlot.objects.filter(session=session)
            .select_related("showcase__city").order_by("order", "pk")
        )


def showcase_sessions(cohort_ids=None):
    """The showcase sessions (of these cohorts, or all) not cancelled, soonest first."""
    sessions = Session.objects.filter(kind=SessionKind.SHOWCASE, is_cancelled=False)
    if cohort_ids is not None:
        sessions = sessions.filter(cohort_id__in=cohort_ids)
    return sessions.select_related("cohort").order_by("starts_at")
