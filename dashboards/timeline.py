"""Everything that happened for one city, in order: the story staff and its coach read.

One query per kind of event, whatever the city's history; newest first.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Application
from coaching.models import CheckIn, CheckInStatus, MayorRequest
from schedule.models import Attendance
from showcases.models import Showcase
from strategy.models import StrategyVersion

# Lazy: translated when shown, in the reader's language (not once, at import).
KINDS = {
    "application": gettext_lazy("Application"),
    "session": gettext_lazy("Session attended"),
    "checkin": gettext_lazy("Check-in"),
    "showcase": gettext_lazy("Showcase"),
    "strategy": gettext_lazy("Strategy"),
    "decision": gettext_lazy("Mayor's decision"),
}


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""

    @property
    def kind_label(self):
        return KINDS[self.kind]


def _applications(city):
    for app in Application.objects.filter(city=city, submitted_at__isnull=False):
        yield Event(app.submitted_at, "application",
                    _("Applied to %(cohort)s") % {"cohort": app.cohort})
        if app.decided_at:
            yield Event(app.decided_at, "application",
                        _("Application %(state)s") % {"state": app.get_state_display().lower()})


def _sessions(city):
    attended = {}
    for a in Attendance.objects.filter(city=city).select_related("session", "user"):
        attended.setdefault(a.session, []).append(str(a.user))
    for session, people in attended.items():
        yield Event(session.starts_at, "session", session.title, ", ".join(sorted(people)),
                    reverse("schedule:session", kwargs={"city": city.slug,
                                                       "session_id": session.pk}))


def _checkins(city):
    for checkin in CheckIn.objects.filter(city=city, status=CheckInStatus.LOGGED):
        yield Event(checkin.happened_at, "checkin", _("Check-in with the coach"),
                    checkin.summary[:200],
                    reverse("coaching:checkin", kwargs={"city": city.slug, "pk": checkin.pk}))


def _showcases(city):
    steps = (("submitted_at", _("submitted")), ("accepted_at", _("accepted")),
             ("presented_at", _("presented")), ("published_at", _("published in the library")))
    for showcase in Showcase.objects.filter(city=city):
        url = reverse("showcases:detail", kwargs={"city": city.slug, "pk": showcase.pk})
        for field, verb in steps:
            moment = getattr(showcase, field)
            if moment:
                yield Event(moment, "showcase", f"{showcase.title} — {verb}", url=url)


def _strategy(city):
    for version in StrategyVersion.objects.filter(strategy__city=city):
        url = reverse("strategy:version", kwargs={"city": city.slug, "number": version.number})
        yield Event(version.submitted_at, "strategy",
                    _("Version %(n)s sent to the mayor") % {"n": version.number}, url=url)
        if version.decided_at:
            yield Event(version.decided_at, "strategy",
                        _("Version %(n)s: %(decision)s") % {
                            "n": version.number, "decision": version.get_decision_display()},
                        version.decision_comment[:200], url)


def _decisions(city):
    for request in MayorRequest.objects.filter(city=city, answered_at__isnull=False):
        yield Event(request.answered_at, "decision", request.question, request.answer[:200],
                    reverse("coaching:page", kwargs={"city": city.slug}))


def city_timeline(*, city, kinds=None):
    """The city's events, newest first; ``kinds`` limits them to some of :data:`KINDS`."""
    sources = {
        "application": _applications, "session": _sessions, "checkin": _checkins,
        "showcase": _showcases, "strategy": _strategy, "decision": _decisions,
    }
    events = []
    for kind, source in sources.items():
        if kinds is None or kind in kinds:
            events.extend(source(city))
    return sorted(events, key=lambda event: event.at, reverse=True)
