"""The cohort health dashboard's figures, cached until a record behind them changes.

Building the dashboard reads every city's sessions, RSVPs, attendance, hours, check-ins,
action items, showcases and strategy; staff open it before every coaching sync. The figures
are cached per cohort, filter, day and language, and depend on the data version of each city
of the cohort plus the shared one (``caching/data_versions.py``), which every save or delete
of a record bumps, so a change shows at the next request. Figures that move with the clock
alone (a session becoming past) are at most :data:`TIMEOUT` seconds old.
"""

import hashlib

from django.utils import timezone, translation
from django_scopes import scopes_disabled

from caching.data_versions import ALL, city_version
from caching.versioned_cache import cached, cached_many
from cohorts.models import Enrollment
from dashboards.health_reads import counted_own, hours_by_member
from strategy.models import Strategy
from strategy.progress import percents_complete

TIMEOUT = 60


def cohort_data_versions(**enrollments):
    """The shared data version and that of every city enrolled as ``enrollments`` says
    (``cohort=…`` or ``cohort__slug=…``)."""
    with scopes_disabled():
        city_ids = Enrollment.objects.filter(**enrollments).values_list("city_id", flat=True)
        return [ALL, *(city_version(pk) for pk in sorted(city_ids))]


def cohort_versions(enrollments):
    """:func:`cohort_data_versions` of the cohort whose ``enrollments`` the caller read."""
    return [ALL, *(city_version(pk) for pk in sorted(e.city_id for e in enrollments))]


def cached_dashboard(*, cohort, coach=None, country=None, compute, depends_on=None):
    """``compute()`` for this cohort and filter (``coach``: a user or an id), cached (see the
    module's docstring); ``depends_on``: the cohort's data versions when the caller has
    them."""
    coach_id = getattr(coach, "pk", coach)
    key = (
        f"health:{cohort.pk}:{coach_id or ''}:{country or ''}:"
        f"{timezone.localdate().isoformat()}:{translation.get_language()}"
    )
    return cached(key, depends_on=depends_on or cohort_data_versions(cohort=cohort),
                  compute=compute, timeout=TIMEOUT)


def own_figures(cohort, city_ids, today, past_ids=()):
    """``{city_id: {"strategy": (state, percent) or (), "counts": {figure: n}, "hours":
    {(user_id, month): hours}}}``: what the dashboard shows of each city's own records,
    kept per city until **that city's** data version changes. The city's latest strategy
    (by id) and its builder's percent (plans, initiatives and metrics; no title, no
    template), the grouped counts of its check-ins, action items and showcases
    (:func:`dashboards.health_reads.own_counts`), the places its people attended at the
    sessions ``past_ids`` and the hours they logged each month of the cohort so far
    (:func:`dashboards.health_reads.hours_by_member`) read nothing shared but the cohort's
    dates, the day and which sessions are past, which are in the key. A shared
    change (a session, a person's name) leaves a city's kept; the cities whose records
    changed are computed together, in four queries."""
    first = cohort.starts_on.replace(day=1)
    last = min(cohort.ends_on, today)

    def compute(missing):
        with scopes_disabled():
            strategies = dict.fromkeys(missing, ())
            for strategy, percent in percents_complete(
                    strategies=Strategy.objects.filter(city_id__in=missing).order_by("pk")):
                strategies[strategy.city_id] = (strategy.state, percent)
            counts = counted_own(cohort, missing, today, past_ids)
            hours = hours_by_member(missing, first, last) if first <= last else {}
        return {city_id: {"strategy": strategies[city_id], "counts": counts[city_id],
                          "hours": hours.get(city_id, {})}
                for city_id in missing}

    past = hashlib.blake2b(",".join(map(str, sorted(past_ids))).encode(), digest_size=8)
    dates = (f"{cohort.pk}:{cohort.starts_on.isoformat()}:{cohort.ends_on.isoformat()}:"
             f"{past.hexdigest()}")
    return cached_many(
        {city_id: (f"health:city:{city_id}:{dates}:{today.isoformat()}",
                   [city_version(city_id)])
         for city_id in city_ids},
        compute=compute, timeout=TIMEOUT,
    )
