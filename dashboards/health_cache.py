"""The cohort health dashboard's figures, cached until a record behind them changes.

Building the dashboard reads every city's sessions, RSVPs, attendance, hours, check-ins,
action items, showcases and strategy; staff open it before every coaching sync. The figures
are cached per cohort, filter, day and language, and depend on the data version of each city
of the cohort plus the shared one (``caching/data_versions.py``), which every save or delete
of a record bumps, so a change shows at the next request. Figures that move with the clock
alone (a session becoming past) are at most :data:`TIMEOUT` seconds old.
"""

from django.utils import timezone, translation
from django_scopes import scopes_disabled

from caching.data_versions import ALL, city_version
from caching.versioned_cache import cached, cached_many
from cohorts.models import Enrollment
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


def latest_strategies(city_ids):
    """``{city_id: (state, percent)}`` of each city's latest strategy (by id; ``()`` when it
    has none) and its builder's percent, kept per city until that city's data version
    changes: the strategy, its plans, initiatives and metrics are the city's own records,
    and the percent reads nothing shared (no title, no template). A change elsewhere (the
    shared version, another city) leaves a city's kept; the cities whose records changed
    are computed together (:func:`strategy.progress.percents_complete`: two queries)."""

    def compute(missing):
        latest = dict.fromkeys(missing, ())
        with scopes_disabled():
            for strategy, percent in percents_complete(
                    strategies=Strategy.objects.filter(city_id__in=missing).order_by("pk")):
                latest[strategy.city_id] = (strategy.state, percent)
        return latest

    return cached_many(
        {city_id: (f"health:strategy:{city_id}", [city_version(city_id)])
         for city_id in city_ids},
        compute=compute, timeout=TIMEOUT,
    )
