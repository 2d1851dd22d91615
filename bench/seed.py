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
import random
import shutil
import sys
import time
from datetime import timedelta

from bench.environment import (
    SIZES,
    Size,
    database_name,
    media_root,
    recreate_database,
    setup_django,
)
from bench.seed_activity import (
    Seeded,
    seed_coaching,
    seed_notifications,
    seed_sessions,
    seed_showcases,
    seed_strategies,
)


def seed(size: Size, *, log=print):
    """Bulk-insert the program of ``size`` (its people here, their activity in
    ``bench/seed_activity.py``); return the handles the runner needs."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from accounts.models import Membership, Role, User
    from applications.models import Application, ApplicationState
    from cities.models import City
    from coaching.models import CoachAssignment
    from cohorts.models import Cohort, CohortStatus, Enrollment, Program

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

        p = Seeded(size=size, cohorts=cohorts, cities=cities, cohort_of=cohort_of,
                    members=members, coach_of=coach_of, enrollment_of=enrollment_of, now=now,
                    today=today, rng=rng, done=done)
        for part in (seed_sessions, seed_coaching, seed_showcases, seed_strategies,
                     seed_notifications):
            part(p)

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
