"""Whom an announcement reaches, and in which language each person reads it.

The people come from ``cities.people`` (active accounts only); the cities from the cohort's
enrollments still in the cohort on the day it is sent (``cohorts.enrollment.active_on``): a
city that withdrew is not told anything after its withdrawal day.
"""

import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from accounts.models import SENIOR_TEAM_ROLES, Role
from announcements.models import AudienceKind
from cities.models import City
from cities.people import coaches_by_city, team_by_city
from cohorts.enrollment import active_on
from common.multilingual import LANGUAGES, reading_language

# Which membership roles each audience reaches (``None``: every role); coaches apart.
ROLES = {
    AudienceKind.EVERYONE: None,
    AudienceKind.MAYORS: [Role.MAYOR],
    AudienceKind.SENIOR_TEAMS: SENIOR_TEAM_ROLES,
    AudienceKind.CDOS: [Role.CDO],
    AudienceKind.COACHES: [],
}
WITH_COACHES = {AudienceKind.EVERYONE, AudienceKind.COACHES}


@dataclass(frozen=True)
class Person:
    """Someone an announcement reaches, and the city through which it reaches them."""

    user: object
    city: object


def cohort_day(cohort, moment=None):
    """The calendar day of ``moment`` (now by default) in the cohort's own zone."""
    return timezone.localdate(moment or timezone.now(), timezone=_zone(cohort.time_zone))


def _zone(name):
    return zoneinfo.ZoneInfo(name or "UTC")


def cities_of(announcement, *, day):
    """The cohort's cities still in it on ``day`` (those chosen, when staff chose some)."""
    cities = City.objects.filter(
        active_on(day, prefix="enrollments__"),
        enrollments__cohort_id=announcement.cohort_id,
    )
    if announcement.pk and announcement.cities.exists():
        cities = cities.filter(pk__in=announcement.cities.values("pk"))
    return list(cities.distinct().order_by("name"))


def audience_of(announcement, *, day=None):
    """Announce ``announcement`` to whom: a list of :class:`Person`, each person once.

    The cohort's cities in it on ``day`` (today in the cohort's zone by default; only the
    chosen cities when staff chose some), then per the audience: everyone (each city's
    team and its coaches), the mayors, the senior teams, the chief data officers or the
    coaches. A person in two of those cities is told once, through the first by name.
    """
    day = day or cohort_day(announcement.cohort)
    cities = cities_of(announcement, day=day)
    ids = [city.pk for city in cities]
    roles = ROLES[announcement.audience]
    team = team_by_city(ids, roles) if roles != [] else {}
    coaches = coaches_by_city(ids) if announcement.audience in WITH_COACHES else {}
    people, seen = [], set()
    for city in cities:
        for user in [*team.get(city.pk, []), *coaches.get(city.pk, [])]:
            if user.pk not in seen:
                seen.add(user.pk)
                people.append(Person(user=user, city=city))
    return people


def versions(announcement):
    """``{language: (subject, body)}`` for each language the announcement is written in."""
    found = {}
    for language in LANGUAGES:
        field = language.replace("-", "_")
        subject = getattr(announcement, f"subject_{field}").strip()
        body = getattr(announcement, f"body_{field}").strip()
        if subject or body:
            found[language] = (subject, body)
    return found


def language_for(announcement, user, *, written=None):
    """The language ``user`` reads ``announcement`` in: their own when it is written in it,
    else the program's (English, ``LANGUAGE_CODE``), else the first written, in the order of
    ``LANGUAGES``."""
    written = versions(announcement) if written is None else written
    return reading_language(written, user.language or settings.LANGUAGE_CODE)
