"""Warnings on a cohort's calendar: overlaps for the same audience, dates outside the cohort.

Warnings never block scheduling (staff may have good reasons); they are shown next to the
session on the cohort calendar and after saving.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from schedule.models import Audience, Session

# Which groups of people each audience reaches; a one-city session reaches both groups of
# that city only.
_GROUPS = {
    Audience.MAYORS: {"mayors"},
    Audience.SENIOR_TEAMS: {"senior"},
    Audience.EVERYONE: {"mayors", "senior"},
    Audience.CITY: {"mayors", "senior"},
}


@dataclass(frozen=True)
class Warning:
    session_id: int
    message: str


def audiences_overlap(first, second):
    """True when some invited person is in both sessions' audiences."""
    if not _GROUPS[first.audience] & _GROUPS[second.audience]:
        return False
    if first.audience == Audience.CITY and second.audience == Audience.CITY:
        return first.city_id == second.city_id
    return True


def _outside_cohort(session, cohort):
    zone = session.zone
    first_day = timezone.localtime(session.starts_at, zone).date()
    last_day = timezone.localtime(session.ends_at, zone).date()
    return first_day < cohort.starts_on or last_day > cohort.ends_on


def calendar_warnings(*, cohort, sessions):
    """Warnings for ``sessions`` of ``cohort`` (a list, cancelled ones ignored).

    Returns ``{session_id: [message, …]}``. Pure Python: no queries.
    """
    live = sorted((s for s in sessions if not s.is_cancelled), key=lambda s: s.starts_at)
    warnings = {}
    for index, session in enumerate(live):
        if _outside_cohort(session, cohort):
            warnings.setdefault(session.pk, []).append(
                _("Outside the cohort's dates (%(start)s – %(end)s).")
                % {"start": cohort.starts_on.isoformat(), "end": cohort.ends_on.isoformat()}
            )
        for other in live[index + 1:]:
            if other.starts_at >= session.ends_at:
                break
            if audiences_overlap(session, other):
                for a, b in ((session, other), (other, session)):
                    warnings.setdefault(a.pk, []).append(
                        _("Overlaps “%(title)s” for the same audience.") % {"title": b.title}
                    )
    return warnings


def session_warnings(*, session):
    """The warnings of one session against the rest of its cohort's calendar."""
    others = list(
        Session.objects.filter(
            cohort_id=session.cohort_id, is_cancelled=False,
            starts_at__lt=session.ends_at, ends_at__gt=session.starts_at,
        ).exclude(pk=session.pk)
    )
    return calendar_warnings(cohort=session.cohort, sessions=[session, *others]).get(
        session.pk, []
    )
