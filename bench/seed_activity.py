"""The activity of a seeded benchmark program: sessions, coaching, showcases, strategies and
notifications. ``bench/seed.py`` seeds the program and its people, then calls each of these
with ``p``, the facts they share (see :class:`Seeded`)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dtime

from bench.environment import Size, media_root


@dataclass
class Seeded:
    """What the activity of a seeded program hangs on."""

    size: Size
    cohorts: list
    cities: list
    cohort_of: dict  # city pk → cohort
    members: dict  # city pk → [mayor, cdo, manager, policy lead]
    coach_of: dict  # city pk → coach
    enrollment_of: dict  # city pk → enrollment
    now: object
    today: object
    rng: object
    done: object  # done(what, count) logs a step


def seed_sessions(p):
    """Sessions of every cohort (shared ones and each city's coaching sessions), with
    RSVPs, attendance and the hours attendance logs."""
    from schedule.models import Attendance, Audience, HoursEntry, Rsvp, Session, SessionKind

    cohorts = p.cohorts
    cities = p.cities
    cohort_of = p.cohort_of
    members = p.members
    coach_of = p.coach_of
    now = p.now
    rng = p.rng
    done = p.done
    sessions = []
    shared_kinds = [SessionKind.WORKSHOP, SessionKind.KEYNOTE, SessionKind.OFFICE_HOURS,
                    SessionKind.SHOWCASE]
    for cohort in cohorts:
        span = (cohort.ends_on - cohort.starts_on).days
        for n in range(Size.SHARED_SESSIONS_PER_COHORT):
            day = cohort.starts_on + timedelta(days=span * n // Size.SHARED_SESSIONS_PER_COHORT)
            start = datetime.combine(day, dtime(15), tzinfo=UTC)
            mayors = n % 6 == 0
            sessions.append(Session(
                cohort=cohort, kind=SessionKind.CONVENING if mayors else shared_kinds[n % 4],
                title=f"{'Mayors’ convening' if mayors else 'Workshop'} {n + 1}",
                description="Bench session. " * 10, starts_at=start,
                ends_at=start + timedelta(hours=2 if mayors else 1),
                audience=Audience.MAYORS if mayors else Audience.EVERYONE,
                video_url="https://video.example.test/room",
            ))
        for city in cities:
            if cohort_of[city.pk] != cohort:
                continue
            for n in range(Size.CITY_SESSIONS_PER_CITY):
                day = cohort.starts_on + timedelta(
                    days=span * n // Size.CITY_SESSIONS_PER_CITY + 3)
                start = datetime.combine(day, dtime(17), tzinfo=UTC)
                sessions.append(Session(
                    cohort=cohort, kind=SessionKind.COACHING, title=f"Coaching {n + 1}",
                    starts_at=start, ends_at=start + timedelta(hours=1),
                    audience=Audience.CITY, city=city, host=coach_of[city.pk],
                ))
    Session.objects.bulk_create(sessions, batch_size=2000)
    done("sessions", len(sessions))

    cities_of_cohort = {}
    for city in cities:
        cities_of_cohort.setdefault(cohort_of[city.pk].pk, []).append(city)
    rsvps, attendances, hours = [], [], []
    for session in sessions:
        if session.city_id:
            invited = [(session.city, user) for user in members[session.city_id]]
        else:
            invited = [
                (city, user)
                for city in cities_of_cohort[session.cohort_id]
                for user in (members[city.pk][:1] if session.audience == Audience.MAYORS
                             else members[city.pk])
            ]
        past = session.ends_at < now
        for city, user in invited:
            answer = rng.choices(["yes", "maybe", "no"], [7, 2, 1])[0]
            rsvps.append(Rsvp(session=session, city=city, user=user, answer=answer))
            if past and answer != "no" and rng.random() < 0.8:
                attendances.append(Attendance(session=session, city=city, user=user,
                                              marked_by=coach_of[city.pk]))
                hours.append(HoursEntry(
                    city=city, user=user, hours=session.duration_hours,
                    on_date=session.starts_at.date(), source="session",
                    source_key=f"session:{session.pk}", note=session.title))
    Rsvp.objects.bulk_create(rsvps, batch_size=5000)
    done("rsvps", len(rsvps))
    Attendance.objects.bulk_create(attendances, batch_size=5000)
    done("attendances", len(attendances))
    HoursEntry.objects.bulk_create(hours, batch_size=5000)
    done("hours entries", len(hours))


def seed_coaching(p):
    """Check-ins (two attendees each) and action items, spread over the cities."""
    from coaching.models import ActionItem, CheckIn, CheckInStatus

    size = p.size
    cities = p.cities
    members = p.members
    coach_of = p.coach_of
    enrollment_of = p.enrollment_of
    now = p.now
    today = p.today
    rng = p.rng
    done = p.done
    rags = ["red", "amber", "green", "green"]
    checkins = []
    for n in range(size.checkins):
        city = cities[n % len(cities)]
        when = now - timedelta(days=1 + (n // len(cities)) * 2, hours=rng.randint(0, 8))
        checkins.append(CheckIn(
            city=city, enrollment=enrollment_of[city.pk], coach=coach_of[city.pk],
            happened_at=when, duration_minutes=60, summary="We reviewed the plan. " * 8,
            private_notes="Private note.", lead_rag=rng.choice(rags),
            invest_rag=rng.choice(rags), empower_rag=rng.choice(rags),
            lead_why="Steady.", decisions="Carry on.", status=CheckInStatus.LOGGED,
            logged_at=when, next_checkin_on=(when + timedelta(days=14)).date(),
        ))
    CheckIn.objects.bulk_create(checkins, batch_size=5000)
    through = CheckIn.attendees.through
    through.objects.bulk_create([
        through(checkin_id=c.pk, user_id=u.pk)
        for c in checkins for u in members[c.city_id][1:3]
    ], batch_size=10000)
    done("check-ins (+2 attendees)", len(checkins))

    checkins_of = {}
    for c in checkins:
        checkins_of.setdefault(c.city_id, []).append(c)
    items = []
    quiet = range(-6, 3)  # open items are never due around today: the sweep adds its own
    for n in range(size.action_items):
        city = cities[n % len(cities)]
        status = rng.choices(["open", "done", "dropped"], [4, 5, 1])[0]
        offset = rng.randint(-120, 60)
        if status == "open" and offset in quiet:
            offset += 10
        items.append(ActionItem(
            city=city, checkin=rng.choice(checkins_of[city.pk]) if city.pk in checkins_of
            else None, title=f"Action {n + 1}", details="Details of the action. " * 3,
            owner=rng.choice(members[city.pk]), due_on=today + timedelta(days=offset),
            status=status, closed_at=None if status == "open" else now,
            created_by=coach_of[city.pk],
        ))
    ActionItem.objects.bulk_create(items, batch_size=5000)
    done("action items", len(items))


def seed_showcases(p):
    """Two showcase rounds per cohort and the showcases, one tiny evidence file each."""
    from showcases.models import Evidence, Showcase, ShowcaseRound

    size = p.size
    cohorts = p.cohorts
    cities = p.cities
    cohort_of = p.cohort_of
    members = p.members
    now = p.now
    rng = p.rng
    done = p.done
    rounds = ShowcaseRound.objects.bulk_create([
        ShowcaseRound(cohort=cohort, title=f"Round {r + 1}",
                      submission_deadline=now + timedelta(days=30 * r - 15))
        for cohort in cohorts for r in range(2)
    ])
    rounds_of = {}
    for r in rounds:
        rounds_of.setdefault(r.cohort_id, []).append(r)
    states = ["draft", "submitted", "feedback_given", "revised", "accepted", "presented"]
    showcases = []
    for n in range(size.showcases):
        city = cities[n % len(cities)]
        state = rng.choice(states)
        showcases.append(Showcase(
            city=city, round=rng.choice(rounds_of[cohort_of[city.pk].pk]),
            title=f"Showcase {n + 1}", practice_type="data_routine", pillar="lead",
            what_changed="What changed. " * 10, who_involved="Departments.",
            impact="Impact. " * 5, state=state, created_by=members[city.pk][1],
            submitted_at=None if state == "draft" else now - timedelta(days=10),
        ))
    Showcase.objects.bulk_create(showcases, batch_size=2000)
    folder = media_root(size.name) / "showcase-evidence" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    evidence = []
    for s in showcases:
        name = f"showcase-evidence/bench/{s.pk}.txt"
        content = f"Evidence of showcase {s.pk}\n".encode()
        (media_root(size.name) / name).write_bytes(content)
        evidence.append(Evidence(showcase=s, kind="file", title="Evidence", file=name,
                                 original_name="evidence.txt", content_type="text/plain",
                                 size=len(content), added_by=s.created_by))
    Evidence.objects.bulk_create(evidence, batch_size=5000)
    done("showcases (+1 file each)", len(showcases))


def seed_strategies(p):
    """One strategy per city: 40 initiatives and two metrics per component."""
    from strategy.models import ComponentPlan, Initiative, Metric, Strategy, StrategyTemplate

    cities = p.cities
    cohort_of = p.cohort_of
    members = p.members
    done = p.done
    template = StrategyTemplate.objects.get(is_default=True)
    components = list(template.components.order_by("order"))
    strategies = Strategy.objects.bulk_create([
        Strategy(city=city, cohort=cohort_of[city.pk], template=template,
                 title=f"{city.name} three-year data strategy",
                 vision="A city that runs on trusted data. " * 5,
                 priorities="Safer streets\nFaster repairs\nEqual services",
                 updated_by=members[city.pk][1])
        for city in cities
    ])
    plans = ComponentPlan.objects.bulk_create([
        ComponentPlan(strategy=s, key=c.key, order=c.order, current_maturity=2,
                      current_state="Where we are. " * 5, target_state="Where we go. " * 5,
                      goals="Goal one\nGoal two")
        for s in strategies for c in components
    ], batch_size=5000)
    plans_of = {}
    for p in plans:
        plans_of.setdefault(p.strategy_id, []).append(p)
    initiatives = []
    for s in strategies:
        for n in range(Size.INITIATIVES_PER_STRATEGY):
            plan = plans_of[s.pk][n % len(components)]
            initiatives.append(Initiative(
                component=plan, title=f"Initiative {n + 1}",
                description="What this initiative does. " * 4, year=n % 3 + 1,
                quarters=[n % 4 + 1], owner="Chief data officer", resources="Staff time",
                practice_areas=["data_management"],
            ))
    Initiative.objects.bulk_create(initiatives, batch_size=5000)
    Metric.objects.bulk_create([
        Metric(component=p, name=f"Metric {m + 1} of {p.key}", baseline="10",
               target_year_1="20", target_year_2="30", target_year_3="40",
               data_source="Inventory")
        for p in plans for m in range(2)
    ], batch_size=5000)
    done("strategies × 40 initiatives", len(strategies))


def seed_notifications(p):
    """Notifications, four per event, a third of them unread."""
    from notifications.models import Notification, NotificationEvent

    size = p.size
    cities = p.cities
    members = p.members
    now = p.now
    done = p.done
    everyone = [u for team in members.values() for u in team]
    events = NotificationEvent.objects.bulk_create([
        NotificationEvent(event="session.reminder", category="sessions",
                          about_repr=f"Session {n}", city=cities[n % len(cities)],
                          recipients_text="bench")
        for n in range(size.notifications // 4)
    ], batch_size=5000)
    notifications = []
    for n in range(size.notifications):
        event = events[n // 4]
        user = everyone[(n * 7) % len(everyone)]
        notifications.append(Notification(
            record=event, recipient=user, city_id=event.city_id, category="sessions",
            subject=f"Reminder {n}", body="A session starts soon.", url="/",
            delivery="in_app", read_at=None if n % 3 == 0 else now,
        ))
    Notification.objects.bulk_create(notifications, batch_size=5000)
    done("notifications", len(notifications))
