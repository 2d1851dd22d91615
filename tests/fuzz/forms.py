"""The portal's form pages, as the fuzzer posts them: who posts, where, a valid submission,
and what a valid submission must have written (one new row, or the edited row's field)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scopes_disabled

from tests import factories
from tests.applications.matrix import FORM as APPLY_FORM
from tests.coaching.matrix import _checkin_post, _item_post, _transcript, _transcript_url
from tests.notifications.matrix import PREFERENCES
from tests.showcases.matrix import DRAFT
from tests.strategy.matrix import INITIATIVE, METRIC


@dataclass
class FormTarget:
    """``role`` posts ``valid(world)`` (or a mutation of it) to ``url(world)``.

    A valid post must leave ``model`` with exactly one more row whose ``field`` is what was
    posted under ``key`` (``edits`` names the row instead when the form edits one).
    """

    name: str
    role: str
    url: Callable
    valid: Callable
    model: str
    field: str
    key: str
    edits: Callable | None = None
    setup: Callable | None = None
    other_answers: tuple = ()  # statuses besides 200/400/redirect a rejection may give
    once: bool = False  # one row per person: the first valid post creates it, later ones
    # find it (and change nothing, or only ``field``)
    rejects_by_redirect: bool = False  # a form inside another page: back to it, with an error
    has_text: bool = True  # False for a page whose form is only a button

    def rows(self):
        return apps.get_model(self.model)._base_manager

    def row(self, world):
        """The row a valid post writes: the edited one, or the newest."""
        with scopes_disabled():
            if self.edits:
                return self.rows().get(pk=self.edits(world).pk)
            return self.rows().order_by("-pk").first()


def _day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _c(path):
    return lambda w: f"/c/{w.city.slug}/{path}"


def _strategy(world):
    from strategy.models import Strategy

    with scopes_disabled():
        return Strategy.objects.get(city=world.city)


def _vision(world):
    return {
        "revision": _strategy(world).revision,
        "vision": "Data for every resident",
        "priorities": "Parks and transit",
    }


def _invitation_setup(world):
    from accounts.invitations import invite_member

    world.extra["invitation"] = invite_member(
        city=world.city, email=world.users["outsider"].email, role="cdo"
    )


def _apply_setup(world):
    world.extra["open_cohort"] = factories.OpenCohortFactory(slug="fuzz-open")
    application = factories.ApplicationFactory(
        cohort=world.extra["open_cohort"], applicant=world.users["outsider"]
    )
    application.letter.save("letter.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world.extra["own_application"] = application
    world.extra["fresh_cohort"] = factories.OpenCohortFactory(slug="fuzz-fresh")


def _showcase(world):
    return world.extra["showcase_a"]


def _all_preferences(world):
    from notifications.services import set_preferences

    set_preferences(user=world.users["member_a"], deliveries=dict(PREFERENCES))


def _preference(world):
    from notifications.models import NotificationPreference

    return NotificationPreference.objects.get(user=world.users["member_a"], category="sessions")


TARGETS = [
    FormTarget(
        "apply: new application",
        "outsider",
        lambda w: f"/apply/{w.extra['fresh_cohort'].slug}/",
        lambda w: dict(APPLY_FORM),
        "applications.Application",
        "city_name",
        "city_name",
        setup=_apply_setup,
        once=True,
    ),
    FormTarget(
        "apply: edit application",
        "outsider",
        lambda w: f"/apply/applications/{w.extra['own_application'].pk}/",
        lambda w: dict(APPLY_FORM, city_name="Editedville"),
        "applications.Application",
        "city_name",
        "city_name",
        edits=lambda w: w.extra["own_application"],
        setup=_apply_setup,
    ),
    FormTarget(
        "RSVP",
        "member_a",
        lambda w: f"/c/{w.city.slug}/schedule/{w.extra['session'].pk}/",
        lambda w: {"answer": "maybe"},
        "schedule.Rsvp",
        "answer",
        "answer",
        once=True,
    ),
    FormTarget(
        "log learning hours",
        "member_a",
        _c("hours/"),
        lambda w: {"hours": "1.5", "on_date": _day(-1), "note": "Read the primer"},
        "schedule.HoursEntry",
        "note",
        "note",
    ),
    FormTarget(
        "log a check-in",
        "coach_a",
        _c("coaching/checkins/new/"),
        _checkin_post,
        "coaching.CheckIn",
        "summary",
        "summary",
    ),
    FormTarget(
        # A transcript's draft confirmed: the first accepted post logs the check-in, later
        # ones are refused with a message (one check-in per transcript).
        "check-in from a transcript",
        "coach_a",
        _transcript_url,
        lambda w: _checkin_post(w) | {
            "action_count": "1", "decision_count": "1", "action-0-keep": "on",
            "action-0-title": "Send the inventory", "action-0-owner": w.users["member_a"].pk,
            "action-0-due_on": _day(9), "decision-0-question": "Open the 311 data?",
            "decision-0-deadline": _day(7),
        },
        "coaching.CheckIn",
        "summary",
        "summary",
        setup=_transcript,
    ),
    FormTarget(
        "new action item",
        "coach_a",
        _c("coaching/action-items/new/"),
        _item_post,
        "coaching.ActionItem",
        "title",
        "item-title",
    ),
    FormTarget(
        "ask the mayor",
        "coach_a",
        _c("coaching/requests/new/"),
        lambda w: {"ask-question": "Open the 311 data?", "ask-deadline": _day(7)},
        "coaching.MayorRequest",
        "question",
        "ask-question",
    ),
    FormTarget(
        "new showcase",
        "member_a",
        _c("showcases/new/"),
        lambda w: dict(DRAFT),
        "showcases.Showcase",
        "title",
        "title",
    ),
    FormTarget(
        "edit showcase",
        "member_a",
        lambda w: f"/c/{w.city.slug}/showcases/{_showcase(w).pk}/edit/",
        lambda w: dict(DRAFT),
        "showcases.Showcase",
        "title",
        "title",
        edits=_showcase,
    ),
    FormTarget(
        "showcase evidence link",
        "member_a",
        lambda w: f"/c/{w.city.slug}/showcases/{_showcase(w).pk}/evidence/",
        lambda w: {"url": "https://data.example.test/lights", "title": "Map"},
        "showcases.Evidence",
        "title",
        "title",
    ),
    FormTarget(
        "showcase message",
        "member_a",
        lambda w: f"/c/{w.city.slug}/showcases/{_showcase(w).pk}/messages/",
        lambda w: {"body": "Thanks for the notes!"},
        "showcases.Message",
        "body",
        "body",
    ),
    FormTarget(
        "strategy vision",
        "member_a",
        _c("strategy/step/vision/"),
        _vision,
        "strategy.Strategy",
        "vision",
        "vision",
        edits=_strategy,
    ),
    FormTarget(
        "strategy initiative",
        "member_a",
        _c("strategy/components/governance/initiatives/add/"),
        lambda w: dict(INITIATIVE, revision=_strategy(w).revision),
        "strategy.Initiative",
        "title",
        "title",
    ),
    FormTarget(
        "strategy metric",
        "member_a",
        _c("strategy/components/governance/metrics/add/"),
        lambda w: dict(METRIC, revision=_strategy(w).revision),
        "strategy.Metric",
        "name",
        "name",
    ),
    FormTarget(
        "strategy comment",
        "coach_a",
        _c("strategy/comments/"),
        lambda w: {"section": "vision", "body": "Looks good"},
        "strategy.Comment",
        "body",
        "body",
        rejects_by_redirect=True,
    ),
    FormTarget(
        "notification preferences",
        "member_a",
        lambda w: "/inbox/preferences/",
        lambda w: dict(PREFERENCES),
        "notifications.NotificationPreference",
        "delivery",
        "sessions",
        edits=lambda w: _preference(w),
        setup=_all_preferences,
    ),
    FormTarget(
        "accept an invitation",
        "outsider",
        lambda w: f"/invitations/{w.extra['invitation'].token}/",
        lambda w: {},
        "accounts.Membership",
        "role",
        "role",
        setup=_invitation_setup,
        other_answers=(404,),
        has_text=False,
    ),  # once accepted, the invitation is closed
]
