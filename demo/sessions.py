"""The demo cohort's calendar: six months of sessions of every kind, curriculum modules,
RSVPs, attendance on past sessions and a few months of training hours (Lakeside below
its commitment). Safe to run twice: every row has a stable key.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import Membership
from curriculum.models import Assignment, Material, Module
from curriculum.pillars import ensure_pillars
from schedule.attendance import mark_attendance
from schedule.audience import invited_memberships
from schedule.hours import credit_hours
from schedule.models import Audience, Rsvp, Session, SessionKind

MODULES = [
    # pillar slug, title, objectives, material (title, url)
    ("data", "Know your data: the data inventory",
     "List the datasets each department holds\nName an owner for each key dataset",
     ("Data inventory template", "https://example.org/civic/data-inventory")),
    ("data", "Performance management routines",
     "Set three resident-facing performance goals\nRun a monthly stat meeting",
     ("Stat meeting playbook", "https://example.org/civic/stat-playbook")),
    ("invest", "Building the data team",
     "Map the data skills the city has and needs\nDraft a data-team charter",
     ("Data team charter example", "https://example.org/civic/team-charter")),
    ("invest", "Data governance and platforms",
     "Adopt a data-governance policy\nChoose a platform for open data",
     ("Governance policy template", "https://example.org/civic/governance")),
    ("empower", "Engaging residents with data",
     "Publish one dataset residents asked for\nHold a community data walk",
     ("Community engagement guide", "https://example.org/civic/engagement")),
    ("empower", "Telling the story of results",
     "Write a one-page results brief\nShare a dashboard with residents",
     ("Results brief template", "https://example.org/civic/results-brief")),
]


def _at(day, hour, minute=0, zone="America/New_York"):
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone))


def _session(cohort, key, *, kind, title, starts_at, hours, audience=Audience.EVERYONE,
             city=None, module=None, **extra):
    session, _ = Session.objects.update_or_create(
        uid=f"demo-{key}@civic-accelerator",
        defaults=dict(
            cohort=cohort, kind=kind, title=title, starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            time_zone=str(starts_at.tzinfo), audience=audience, city=city, module=module,
            is_cancelled=False, **extra,
        ),
    )
    return session


def _modules():
    pillars = ensure_pillars()
    modules = []
    for order, (pillar, title, objectives, (material, url)) in enumerate(MODULES, start=1):
        module, _ = Module.objects.update_or_create(
            title=title, defaults={"pillar": pillars[pillar], "objectives": objectives,
                                   "order": order},
        )
        Material.objects.update_or_create(module=module, title=material, defaults={"url": url})
        modules.append(module)
    return modules


def _assignments(modules, starts):
    for n, module in enumerate(modules):
        Assignment.objects.update_or_create(
            module=module, title=f"Apply it: {module.title.split(':')[0]}",
            defaults={"due_on": starts + timedelta(days=30 * n + 25),
                      "instructions": "Share a one-page note with your coach."},
        )


def _calendar(cohort, cities, modules):
    """Every kind of session across the cohort's six months."""
    starts = cohort.starts_on
    sessions = []
    add = sessions.append
    # The convening: two days for mayors, starting the evening of the first day.
    day1 = cohort.convening_starts_on
    add(_session(cohort, "convening-opening", kind=SessionKind.CONVENING,
                 title="Convening: opening dinner", starts_at=_at(day1, 18), hours=3,
                 audience=Audience.MAYORS, location="Civic Center, Baltimore"))
    add(_session(cohort, "convening-day-2", kind=SessionKind.CONVENING,
                 title="Convening: leading with data", starts_at=_at(day1 + timedelta(1), 8, 30),
                 hours=8, audience=Audience.MAYORS, location="Civic Center, Baltimore"))
    add(_session(cohort, "convening-day-3", kind=SessionKind.CONVENING,
                 title="Convening: commitments and next steps",
                 starts_at=_at(day1 + timedelta(2), 8, 30), hours=4,
                 audience=Audience.MAYORS, location="Civic Center, Baltimore"))
    for month in range(6):
        first = starts + timedelta(days=30 * month)
        module = modules[month % len(modules)]
        add(_session(cohort, f"keynote-{month}", kind=SessionKind.KEYNOTE,
                     title=f"Keynote: {module.title}", starts_at=_at(first + timedelta(10), 12),
                     hours=1.5, audience=Audience.SENIOR_TEAMS, module=module,
                     video_url="https://video.example.org/keynote"))
        for half in range(2):
            add(_session(cohort, f"workshop-{month}-{half}", kind=SessionKind.WORKSHOP,
                         title=f"Workshop: {module.title} ({half + 1}/2)",
                         starts_at=_at(first + timedelta(14 + 7 * half), 14), hours=2,
                         module=module, capacity=30,
                         video_url="https://video.example.org/workshop"))
        add(_session(cohort, f"office-hours-{month}", kind=SessionKind.OFFICE_HOURS,
                     title="Office hours with the program team",
                     starts_at=_at(first + timedelta(17), 11), hours=1,
                     video_url="https://video.example.org/office-hours"))
        for slug, city in cities.items():
            add(_session(cohort, f"coaching-{slug}-{month}", kind=SessionKind.COACHING,
                         title=f"Coaching session: {city.name}",
                         starts_at=_at(first + timedelta(20), 10, zone=city.time_zone),
                         hours=1, audience=Audience.CITY, city=city,
                         video_url="https://video.example.org/coaching"))
    for key, days, title in (("mid", 90, "Mayors' mid-program check-in"),
                             ("final", 170, "Mayors' strategy review")):
        add(_session(cohort, f"mayors-{key}", kind=SessionKind.KEYNOTE, title=title,
                     starts_at=_at(starts + timedelta(days), 17), hours=1,
                     audience=Audience.MAYORS, video_url="https://video.example.org/mayors"))
    add(_session(cohort, "showcase-final", kind=SessionKind.SHOWCASE,
                 title="Final showcase", starts_at=_at(cohort.ends_on - timedelta(5), 15),
                 hours=2, video_url="https://video.example.org/showcase"))
    add(_session(cohort, "showcase-mid", kind=SessionKind.SHOWCASE,
                 title="Mid-program showcase",
                 starts_at=_at(timezone.localdate() + timedelta(21), 15), hours=2,
                 video_url="https://video.example.org/showcase"))
    return sessions


def _attends(session, membership):
    """Riverton's people attend everything they are invited to; mayors attend their own
    sessions; Lakeside's CDO only the keynotes (so Lakeside stays below its commitment)."""
    if membership.city.slug == "riverton":
        return True
    if membership.role == "mayor":
        return session.is_mayor_only
    return membership.role == "cdo" and session.kind == SessionKind.KEYNOTE


def _attendance_and_answers(sessions, cities, staff):
    """Riverton's and Lakeside's answers and attendance (the other cities of the cohort
    have theirs from ``demo.peers``)."""
    now = timezone.now()
    for session in sessions:
        for membership in invited_memberships(session=session):
            if membership.city.slug not in cities:
                continue
            if session.starts_at <= now:
                if _attends(session, membership):
                    mark_attendance(session=session, user=membership.user,
                                    city=membership.city, by=staff)
            elif membership.city.slug == "riverton" or session.kind != SessionKind.KEYNOTE:
                # Lakeside's mayor has not confirmed the mayors' sessions yet.
                if membership.city.slug == "lakeside" and membership.role == "mayor":
                    continue
                Rsvp.objects.update_or_create(
                    session=session, user=membership.user,
                    defaults={"city": membership.city,
                              "answer": "maybe" if session.kind == "office_hours" else "yes"},
                )


def _self_logged(cities, months_back=3):
    today = timezone.localdate()
    per_city = {"riverton": [("cdo", 3, "Data-governance primer (self-paced)"),
                             ("city_manager", 2, "Assignment work: stat meeting plan")],
                "lakeside": [("cdo", 1, "Lectura: guía de inventario de datos")]}
    for slug, city in cities.items():
        members = {m.role: m.user for m in Membership.objects.filter(city=city)}
        for back in range(months_back):
            month = (today.replace(day=1) - timedelta(days=28 * back)).replace(day=5)
            if month > today:
                continue
            for role, hours, note in per_city.get(slug, []):
                if role in members:
                    credit_hours(
                        city=city, user=members[role], hours=hours, on_date=month,
                        source="self", source_key=f"demo-self:{slug}:{month:%Y-%m}:{role}",
                        note=note,
                    )


def seed(demo):
    """The demo cohort's calendar, curriculum, answers, attendance and hours."""
    cohort = demo["cohort"]
    modules = _modules()
    _assignments(modules, cohort.starts_on)
    sessions = _calendar(cohort, demo["cities"], modules)
    for session in sessions[:6]:
        Material.objects.update_or_create(
            session=session, title="Slides",
            defaults={"url": f"https://example.org/civic/slides/{session.uid.split('@')[0]}"},
        )
    _attendance_and_answers(sessions, demo["cities"], demo["users"]["staff@demo.test"])
    _self_logged(demo["cities"])
    demo["sessions"] = sessions

