"""Is the mayor at the convening? One answer for every page that asks.

Cohort health and the staff calendar's confirmations call :func:`mayor_presence`, the
mayor's own "What needs you" :func:`own_status` of sessions read :func:`with_own_answers`;
both decide by :func:`status_of`, so a mayor is never "confirmed" on one page and "not
confirmed" on another. The rule:

- once a session has begun, what counts is the attendance recorded (also after the fact):
  a mayor marked present *attended*; one who said yes but is not marked (yet) is
  *not recorded*; one who neither said yes nor was marked *missed* it;
- before it begins, what counts is the mayor's own "yes" (the convening is in person, so
  a yes is a confirmed in-person place): *confirmed*, else *not confirmed*.

Three queries whatever the number of sessions and cities.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from schedule.models import Attendance, Audience, Rsvp, RsvpAnswer, Session, SessionKind

ATTENDED, CONFIRMED = "attended", "confirmed"
NOT_RECORDED, NOT_CONFIRMED, MISSED = "not_recorded", "not_confirmed", "missed"

#: Statuses that are fine: nothing to chase.
OK = frozenset({ATTENDED, CONFIRMED})

LABELS = {
    ATTENDED: _("Attended"),
    CONFIRMED: _("Confirmed"),
    NOT_RECORDED: _("Said yes; attendance not recorded"),
    NOT_CONFIRMED: _("Not confirmed"),
    MISSED: _("Not marked present"),
}


@dataclass(frozen=True)
class MayorStatus:
    """One mayor (a membership, with user and city) and one mayor-only session."""

    session: object
    membership: object
    status: str

    @property
    def ok(self):
        return self.status in OK

    @property
    def label(self):
        return LABELS[self.status]


def convening_sessions(*, cohort):
    """The sessions of "the convening": live mayor-only sessions of kind convening."""
    return Session.objects.filter(
        cohort=cohort, kind=SessionKind.CONVENING, audience=Audience.MAYORS,
        is_cancelled=False,
    ).order_by("starts_at")


def status_of(*, session, attended, said_yes, now):
    """The status of one mayor for one session (see the module's docstring)."""
    if session.starts_at <= now:
        if attended:
            return ATTENDED
        return NOT_RECORDED if said_yes else MISSED
    return CONFIRMED if said_yes else NOT_CONFIRMED


def with_own_answers(sessions, *, user):
    """``sessions`` (a queryset) with ``user``'s own ``said_yes`` and ``attended`` read in
    the same query (whichever city recorded them, as :func:`mayor_presence` reads them)."""
    with scopes_disabled():
        said_yes = Rsvp.objects.filter(session=OuterRef("pk"), user=user,
                                       answer=RsvpAnswer.YES)
        attended = Attendance.objects.filter(session=OuterRef("pk"), user=user)
    return sessions.annotate(said_yes=Exists(said_yes), attended=Exists(attended))


def own_status(session, *, now):
    """The status of the person whose answers ``session`` was read with
    (:func:`with_own_answers`)."""
    return status_of(session=session, attended=session.attended, said_yes=session.said_yes,
                     now=now)


def is_convening_session(session):
    """Is ``session`` (already read) one of :func:`convening_sessions`?"""
    return (session.kind == SessionKind.CONVENING and session.audience == Audience.MAYORS
            and not session.is_cancelled)


def mayor_presence(*, sessions, city_ids=None, user=None, now=None):
    """``[MayorStatus]`` of every mayor invited to each of ``sessions`` (mayor-only, live).

    ``city_ids`` limits it to some cities (else every city enrolled in the session's
    cohort), ``user`` to one person. Ordered by session, then city name.
    """
    now = now or timezone.now()
    sessions = mayor_sessions(sessions)
    if not sessions:
        return []
    session_ids = [s.pk for s in sessions]
    with scopes_disabled():
        mayors = Membership.objects.filter(
            role=Role.MAYOR, user__is_active=True,
            city__enrollments__cohort_id__in={s.cohort_id for s in sessions},
        )
        if city_ids is not None:
            mayors = mayors.filter(city_id__in=city_ids)
        if user is not None:
            mayors = mayors.filter(user=user)
        # One row per (mayor, enrolled cohort): the join of the filter above.
        by_cohort = defaultdict(list)
        for membership in mayors.annotate(
            enrolled_cohort_id=F("city__enrollments__cohort_id")
        ).select_related("user", "city"):
            by_cohort[membership.enrolled_cohort_id].append(membership)
        yes = set(
            Rsvp.objects.filter(session_id__in=session_ids, answer=RsvpAnswer.YES)
            .values_list("session_id", "user_id")
        )
        present = set(
            Attendance.objects.filter(session_id__in=session_ids)
            .values_list("session_id", "user_id")
        )
    return mayor_statuses(sessions=sessions, mayors_by_cohort=by_cohort, yes=yes,
                          present=present, now=now)


def mayor_sessions(sessions):
    """The live mayor-only sessions among ``sessions``: those whose mayors are counted."""
    return [s for s in sessions if s.audience == Audience.MAYORS and not s.is_cancelled]


def mayor_statuses(*, sessions, mayors_by_cohort, yes, present, now):
    """``[MayorStatus]`` of the mayors (memberships with user and city, by cohort id) at
    each of ``sessions`` (see :func:`mayor_sessions`), from what was read: the
    ``(session id, user id)`` pairs that said yes and that were marked present. The rule of
    the module, for a caller that read these itself; ordered as :func:`mayor_presence`."""
    result = []
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.pk)):
        for membership in sorted(
            mayors_by_cohort[session.cohort_id], key=lambda m: (m.city.name, m.user.email)
        ):
            key = (session.pk, membership.user_id)
            result.append(MayorStatus(
                session=session, membership=membership,
                status=status_of(session=session, attended=key in present,
                                 said_yes=key in yes, now=now),
            ))
    return result


#: From worst to best: a city's status for a session is its best mayor's, and its status
#: for the convening is its worst session's.
_ORDER = (MISSED, NOT_CONFIRMED, NOT_RECORDED, CONFIRMED, ATTENDED)


def city_convening_status(*, statuses, session, now=None):
    """The best status of a city's mayors (``statuses``: that city's) for ``session``;
    ``NOT_CONFIRMED`` (or ``MISSED`` once begun) when the city has no mayor."""
    mine = [s.status for s in statuses if s.session.pk == session.pk]
    if not mine:
        return MISSED if session.starts_at <= (now or timezone.now()) else NOT_CONFIRMED
    return max(mine, key=_ORDER.index)


def worst(statuses):
    """The worst of some statuses (see :data:`_ORDER`)."""
    return min(statuses, key=_ORDER.index)
