"""The cohort health dashboard's figures, cached until a record behind them changes.

Building the dashboard reads every city's sessions, RSVPs, attendance, hours, check-ins,
action items, showcases and strategy; staff open it before every coaching sync. The figures
are cached per cohort, filter, day and language, and depend on one version per city of the
cohort (``health:city:<id>``) plus one for everything not owned by a city
(``health:all``). :func:`connect_signals` bumps them when any of those records is saved or
deleted, so a change shows at the next request. Figures that move with the clock alone
(a session becoming past) are at most :data:`TIMEOUT` seconds old.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from config.versioned_cache import bump, cached

TIMEOUT = 60
ALL = "health:all"


def city_version(city_id):
    return f"health:city:{city_id}"


def forget_health(*, city_ids=(), everything=False):
    """Invalidate the cached dashboards that show ``city_ids`` (all of them: ``everything``)."""
    bump(*(city_version(pk) for pk in set(city_ids) if pk), *([ALL] if everything else []))


def cached_dashboard(*, cohort, coach=None, country=None, compute):
    """``compute()`` for this cohort and filter, cached (see the module's docstring)."""
    from cohorts.models import Enrollment

    with scopes_disabled():
        city_ids = sorted(
            Enrollment.objects.filter(cohort=cohort).values_list("city_id", flat=True)
        )
    key = (
        f"health:{cohort.pk}:{coach.pk if coach else ''}:{country or ''}:"
        f"{timezone.localdate().isoformat()}:{translation.get_language()}"
    )
    return cached(
        key,
        depends_on=[ALL, *(city_version(pk) for pk in city_ids)],
        compute=compute,
        timeout=TIMEOUT,
    )


def _city_owned_changed(sender, instance, **kwargs):
    city_id = getattr(instance, "city_id", None)
    forget_health(city_ids=[city_id], everything=city_id is None)


def _city_changed(sender, instance, **kwargs):
    forget_health(city_ids=[instance.pk])


def _strategy_part_changed(sender, instance, **kwargs):
    from strategy.models import ComponentPlan

    component_id = getattr(instance, "component_id", None) or instance.pk
    with scopes_disabled():
        city_id = (
            ComponentPlan.objects.filter(pk=component_id)
            .values_list("strategy__city_id", flat=True)
            .first()
        )
    forget_health(city_ids=[city_id], everything=city_id is None)


def _other_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= {"last_login"}:
        return  # logging in changes nothing the dashboard shows
    forget_health(everything=True)


def connect_signals():
    from accounts.models import Membership, User
    from cities.models import City
    from coaching.models import ActionItem, CheckIn, CoachAssignment
    from cohorts.models import Attendance, Cohort, Enrollment, HoursEntry, Rsvp, Session
    from showcases.models import Showcase
    from strategy.models import ComponentPlan, Initiative, Metric, Strategy

    handlers = {
        _city_owned_changed: (
            HoursEntry,
            Rsvp,
            Attendance,
            Session,
            CheckIn,
            ActionItem,
            Showcase,
            Membership,
            Strategy,
            Enrollment,
        ),
        _city_changed: (City,),
        _strategy_part_changed: (ComponentPlan, Initiative, Metric),
        _other_changed: (CoachAssignment, Cohort, User),
    }
    for handler, models in handlers.items():
        for model in models:
            for signal in (post_save, post_delete):
                signal.connect(
                    handler, sender=model, dispatch_uid=f"health-{model.__name__}-{id(signal)}"
                )
