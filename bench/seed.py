"""Seed a benchmark program into a throwaway PostgreSQL database, with bulk inserts.

    uv run python -m bench.seed --size small|large [--keep]

``large`` is the program of issue 10: 10 cohorts, 300 cities, 1,500 users, 3,000 sessions
with RSVPs and attendance, 20,000 check-ins, 60,000 action items, 2,000 showcases with a
(tiny) evidence file each, 300 strategies × 40 initiatives and 100,000 notifications.
``small`` is one tenth of every count. Every cohort has 30 cities and every city the same
shape (4 people, ~67 check-ins, 200 action items, ~7 showcases, one 40-initiative strategy),
so the two sizes differ by how much *else* is in the database, which is the question asked.

The database ``civic_bench_<size>`` is dropped and created again, migrated, then seeded.
"""

import argparse
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdefghijkl"


@dataclass(frozen=True)
class Size:
    name: str
    cohorts: int
    checkins: int
    action_items: int
    showcases: int
    notifications: int
    applicants: int  # people with an application that did not (yet) become a city
    staff: int

    CITIES_PER_COHORT = 30
    MEMBERS_PER_CITY = 4
    SHARED_SESSIONS_PER_COHORT = 60
    CITY_SESSIONS_PER_CITY = 8  # 60 + 8 × 30 = 300 sessions per cohort
    INITIATIVES_PER_STRATEGY = 40
    CITIES_PER_COACH = 10

    @property
    def cities(self):
        return self.cohorts * self.CITIES_PER_COHORT

    @property
    def coaches(self):
        return self.cities // self.CITIES_PER_COACH

    @property
    def users(self):
        return self.cities * self.MEMBERS_PER_CITY + self.coaches + self.staff + self.applicants


SIZES = {
    "large": Size("large", cohorts=10, checkins=20_000, action_items=60_000, showcases=2_000,
                  notifications=100_000, applicants=250, staff=20),
    "small": Size("small", cohorts=1, checkins=2_000, action_items=6_000, showcases=200,
                  notifications=10_000, applicants=25, staff=2),
}


def database_name(size):
    return f"civic_bench_{size}"


def database_url(size):
    return f"{PG_SERVER}/{database_name(size)}"


def media_root(size):
    return REPO / "var" / "bench" / size / "media"


def bench_environment(size):
    """The environment of every benchmark process for ``size`` (seed, gunicorn, probes)."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(size),
        "REDIS_URL": REDIS_URL,
        "DJANGO_PRODUCTION": "1",  # whitenoise, manifest static files, JSON logs, DEBUG off
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1
        "CIVIC_REQUIRE_MFA": "0",  # the benchmark's people have no TOTP device
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(media_root(size)),
        "STATIC_ROOT": str(REPO / "var" / "bench" / "static"),
        "API_THROTTLE_USER": "100000000/minute",  # measure the API, not its rate limit
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "dummymail://",
    }


def recreate_database(size):
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10) as conn:
        name = sql.Identifier(database_name(size))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def setup_django(size):
    os.environ.update(bench_environment(size))
    import django

    django.setup()


def _chunks(rows, n=5000):
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


def seed(size: Size, *, log=print):  # noqa: C901, PLR0915 - one linear script
    """Bulk-insert the program of ``size``; return the handles the runner needs."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from accounts.models import Membership, Role, User
    from cities.application_models import Application, ApplicationState
    from cities.models import City
    from coaching.models import (
        ActionItem,
        CheckIn,
        CheckInStatus,
        CoachAssignment,
    )
    from cohorts.models import (
        Attendance,
        Audience,
        Cohort,
        CohortStatus,
        Enrollment,
        HoursEntry,
        Program,
        Rsvp,
        Session,
        SessionKind,
    )
    from notifications.models import Notification, NotificationEvent
    from showcases.models import Evidence, Showcase, ShowcaseRound
    from strategy.models import ComponentPlan, Initiative, Metric, Strategy, StrategyTemplate

    rng = random.Random(10)
    now = timezone.now().replace(microsecond=0)
    today = now.date()
    password = make_password(None)
    started = time.monotonic()

    def done(what, count):
        log(f"  {what:<28} {count:>8,}  ({time.monotonic() - started:6.1f} s)")

    with scopes_disabled():
        program = Program.objects.create(name="Bench program")
        cohorts = Cohort.objects.bulk_create([
            Cohort(program=program, name=f"Cohort {i + 1}", slug=f"cohort-{i + 1}",
                   starts_on=today - timedelta(days=120 - 7 * i),
                   ends_on=today + timedelta(days=60 + 7 * i), status=CohortStatus.RUNNING,
                   capacity=Size.CITIES_PER_COHORT)
            for i in range(size.cohorts)
        ])
        done("cohorts", len(cohorts))

        cities = City.objects.bulk_create([
            City(name=f"City {i + 1:03d}", slug=f"city-{i + 1:03d}", country="US",
                 region="State", time_zone="America/New_York", population=150_000 + i * 1000)
            for i in range(size.cities)
        ])
        cohort_of = {city.pk: cohorts[i // Size.CITIES_PER_COHORT]
                     for i, city in enumerate(cities)}
        done("cities", len(cities))

        roles = [Role.MAYOR, Role.CDO, Role.CITY_MANAGER, Role.POLICY_LEAD]
        people = []
        for city in cities:
            for role in roles:
                people.append(User(email=f"{role}@{city.slug}.bench.test",
                                   name=f"{role.label} of {city.name}", password=password))
        coaches_users = [User(email=f"coach{i + 1}@bench.test", name=f"Coach {i + 1}",
                              password=password) for i in range(size.coaches)]
        staff_users = [User(email=f"staff{i + 1}@bench.test", name=f"Staff {i + 1}",
                            password=password, is_staff=True, is_superuser=True)
                       for i in range(size.staff)]
        applicants = [User(email=f"applicant{i + 1}@bench.test", name=f"Applicant {i + 1}",
                           password=password) for i in range(size.applicants)]
        User.objects.bulk_create(people + coaches_users + staff_users + applicants,
                                 batch_size=2000)
        done("users", User.objects.count())

        members = {}  # city pk → [mayor, cdo, manager, policy]
        memberships = []
        for i, city in enumerate(cities):
            team = people[i * 4:(i + 1) * 4]
            members[city.pk] = team
            for role, user in zip(roles, team, strict=True):
                memberships.append(Membership(user=user, city=city, role=role,
                                              is_city_admin=role == Role.CDO))
        Membership.objects.bulk_create(memberships, batch_size=5000)
        done("memberships", len(memberships))

        enrollments = Enrollment.objects.bulk_create(
            [Enrollment(city=city, cohort=cohort_of[city.pk]) for city in cities]
        )
        enrollment_of = {e.city_id: e for e in enrollments}
        coach_of = {city.pk: coaches_users[i // Size.CITIES_PER_COACH]
                    for i, city in enumerate(cities)}
        CoachAssignment.objects.bulk_create([
            CoachAssignment(coach=coach_of[e.city_id], enrollment=e, is_primary=True)
            for e in enrollments
        ])
        done("enrollments + coaches", len(enrollments))

        applications = [
            Application(cohort=cohort_of[city.pk], applicant=members[city.pk][1], city=city,
                        state=ApplicationState.ACCEPTED, city_name=city.name,
                        country=city.country, population=city.population, has_cdo=True,
                        monthly_commitment_hours=5, mayor_name=members[city.pk][0].name,
                        eligible=True, submitted_at=now - timedelta(days=150),
                        decided_at=now - timedelta(days=130), score_data_foundations=4,
                        score_leadership=4, score_team=3)
            for city in cities
        ] + [
            Application(cohort=cohorts[i % len(cohorts)], applicant=user,
                        state=rng.choice([ApplicationState.DRAFT, ApplicationState.SUBMITTED,
                                          ApplicationState.DECLINED,
                                          ApplicationState.WAITLISTED]),
                        city_name=f"Applicant town {i + 1}", country="US",
                        population=120_000 + i, submitted_at=now - timedelta(days=140))
            for i, user in enumerate(applicants)
        ]
        Application.objects.bulk_create(applications, batch_size=2000)
        done("applications", len(applications))

        # --- sessions, RSVPs, attendance, hours ---
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

        # --- coaching: check-ins (+ attendees), action items ---
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

        # --- showcases with one tiny evidence file each ---
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

        # --- strategies: one per city, 40 initiatives and 2 metrics per component ---
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

        # --- notifications: 4 per event ---
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

        with connection.cursor() as cursor:  # spread the timestamps bulk_create set to now
            cursor.execute("UPDATE notifications_notification SET created_at = created_at "
                           "- (id % 2000) * interval '1 hour'")
            cursor.execute("UPDATE notifications_notificationevent SET created_at = created_at "
                           "- (id % 2000) * interval '1 hour'")
            cursor.execute("UPDATE showcases_showcase SET updated_at = updated_at "
                           "- (id % 300) * interval '1 hour'")
            cursor.execute("ANALYZE")
        done("analyze", 0)

    first = cities[0]
    return {
        "city": first.slug,
        "cohort": cohort_of[first.pk].slug,
        "member": members[first.pk][1].email,  # the city's CDO (a city admin)
        "mayor": members[first.pk][0].email,
        "coach": coach_of[first.pk].email,
        "staff": staff_users[0].email,
    }


def migrate(*, log=print):
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"  migrate ({time.monotonic() - started:.1f} s)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    print(f"Seeding {size.name} into {database_name(size.name)} …")
    recreate_database(size.name)
    shutil.rmtree(media_root(size.name), ignore_errors=True)
    setup_django(size.name)
    migrate()
    started = time.monotonic()
    handles = seed(size)
    print(f"Seeded in {time.monotonic() - started:.1f} s: {handles}")


if __name__ == "__main__":
    sys.exit(main())
