"""A world to fuzz: the tenancy matrix's two cities, each with one row of every kind the API
and the portal's forms act on, and helpers that snapshot what a city (or the whole
database) holds so a test can prove that a rejected request saved nothing."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from tests import factories
from tests.tenancy import build_world

# Rows that change on every request whatever it asks (sessions, throttles), not data.
NOT_DATA = {"sessions.session", "authtoken.token", "django_celery_beat.periodictasks"}


def build_fuzz_world():
    """build_world() plus, in both cities, a check-in, an action item, a draft showcase,
    an hours entry, a strategy, a draft of the curriculum's assignment, a year after with
    one quarter recorded and a baseline assessment; a session of the shared cohort; an
    application (with its letter); an application under review assigned to the reviewer."""
    from assessment.windows import open_assessment
    from strategy.editing import start_strategy

    world = build_world()
    with scopes_disabled():
        world.extra["session"] = factories.SessionFactory(cohort=world.cohort)
        world.extra["application"] = factories.ApplicationFactory(applicant=world.users["outsider"])
        # With its letter of commitment, as the matrix's own application has one.
        world.extra["application"].letter.save("letter.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        world.extra["assignment"] = factories.AssignmentFactory()
        # An application under review, its rubric, and the world's reviewer's review of it.
        reviewed = factories.ApplicationFactory(state="under_review")
        factories.CriterionFactory(cohort=reviewed.cohort)
        world.extra["review"] = factories.ReviewAssignmentFactory(
            application=reviewed, reviewer=world.users["reviewer"])
        for key, city, enrollment, suffix in (
            ("a", world.city, world.enrollment, "_a"),
            ("b", world.other_city, world.other_enrollment, "_b"),
        ):
            member, coach = world.users["member" + suffix], world.users["coach" + suffix]
            checkin = factories.CheckInFactory(city=city, coach=coach, enrollment=enrollment)
            checkin.attendees.add(member)
            world.extra["checkin_" + key] = checkin
            world.extra["item_" + key] = factories.ActionItemFactory(city=city, owner=member)
            world.extra["showcase_" + key] = factories.ShowcaseFactory(city=city, created_by=member)
            factories.SubmissionFactory(city=city, assignment=world.extra["assignment"],
                                        started_by=member)
            factories.HoursEntryFactory(
                city=city, user=member, on_date=timezone.localdate() - datetime.timedelta(days=2)
            )
            with scope(city=city):
                world.extra["strategy_" + key] = start_strategy(city=city, user=member)
                _year_after(world, key, enrollment, member)
            # The city's baseline (the default framework, loaded on first use).
            world.extra["assessment_" + key] = open_assessment(enrollment=enrollment,
                                                                kind="baseline")
    return world


def _year_after(world, key, enrollment, member):
    """The city in its follow-on phase (begun 100 days ago): one initiative and one metric
    in its strategy, each with quarter 1's update."""
    from followon.phase import start_follow_on
    from followon.updates import record_quarter

    plan = world.extra["strategy_" + key].components.get(key="governance")
    initiative = factories.InitiativeFactory(component=plan)
    metric = factories.MetricFactory(component=plan)
    follow_on = start_follow_on(enrollment=enrollment,
                                on=timezone.localdate() - datetime.timedelta(days=100))
    record_quarter(follow_on=follow_on, quarter=1, today=timezone.localdate(), by=member,
                   initiatives={initiative.pk: {"status": "in_progress", "note": "Begun"}},
                   metrics={metric.pk: {"actual": "12"}})
    world.extra["follow_on_" + key] = follow_on


def _scoped_models():
    for model in apps.get_models():
        if type(model.objects).__module__ == "django_scopes.manager":
            yield model


def _city_fk_models():
    from cities.models import City

    for model in apps.get_models():
        if type(model.objects).__module__ == "django_scopes.manager":
            continue
        for field in model._meta.concrete_fields:
            if field.name == "city" and field.is_relation and field.related_model is City:
                yield model
                break


def city_snapshot(city):
    """Every row that belongs to ``city``, as plain values, model by model (its tenant
    models through their scope, history and other rows through their ``city`` column)."""
    from cities.models import City

    snapshot = {}
    with scope(city=city):
        for model in _scoped_models():
            snapshot[model._meta.label] = sorted(map(repr, model.objects.order_by("pk").values()))
    with scopes_disabled():
        for model in _city_fk_models():
            snapshot[model._meta.label] = sorted(
                map(repr, model._base_manager.filter(city=city).values())
            )
        snapshot["cities.City"] = repr(list(City.objects.filter(pk=city.pk).values()))
    return snapshot


def row_counts():
    """How many rows every model of the project holds (sessions and tokens aside)."""
    with scopes_disabled():
        return {
            model._meta.label: model._base_manager.count()
            for model in apps.get_models()
            if model._meta.label_lower not in NOT_DATA
        }
