"""The mayor's review: drafting → in review (a frozen version) → changes requested | approved."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cities.people import mayors_of, senior_team_of
from notifications.services import notify
from strategy.editing import EDITABLE_STATES
from strategy.models import (
    Comment,
    Decision,
    DocumentKind,
    Strategy,
    StrategyState,
    StrategyVersion,
)
from strategy.pdf import request_document
from strategy.snapshot import load_strategy, snapshot_strategy


def _notify(event, *, strategy, recipients, version, by, comment=""):
    if recipients:
        notify(
            event, recipients=recipients, about=strategy, category="strategy",
            context={"strategy": strategy, "city": strategy.city, "version": version,
                     "by": by, "comment": comment},
        )


def waiting_version(strategy):
    """The version the mayor is reviewing now, or None."""
    return strategy.versions.filter(decision=Decision.PENDING).order_by("-number").first()


@transaction.atomic
def submit_for_review(*, strategy, user):
    """Freeze the strategy as a new version and send it to the mayor.

    Only a strategy being drafted or revised (who may submit: the door's
    ``can_submit_strategy``).
    """
    locked = Strategy.objects.select_for_update().get(pk=strategy.pk)
    if locked.state not in EDITABLE_STATES:
        raise ValidationError({"__all__": [_("This strategy is not being drafted; there is "
                                             "nothing to submit.")]})
    snapshot = snapshot_strategy(strategy=load_strategy(strategy_id=locked.pk))
    number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = StrategyVersion.objects.create(
        strategy=locked, number=number, snapshot=snapshot, submitted_by=user,
        submitted_at=timezone.now(),
    )
    locked.state = StrategyState.IN_REVIEW
    locked.updated_by = user
    locked.save(update_fields=["state", "updated_by", "updated_at"])
    _notify("strategy.submitted", strategy=locked, recipients=list(mayors_of(locked.city)),
            version=version, by=user)
    return version


def _decide(*, strategy, user, decision, comment):
    locked = Strategy.objects.select_for_update().get(pk=strategy.pk)
    version = waiting_version(locked)
    if locked.state != StrategyState.IN_REVIEW or version is None:
        raise ValidationError({"__all__": [_("No version of the strategy is waiting for a "
                                             "decision.")]})
    now = timezone.now()
    version.decision, version.decided_by, version.decided_at = decision, user, now
    version.decision_comment = comment
    version.save(update_fields=["decision", "decided_by", "decided_at", "decision_comment"])
    if comment:
        Comment.objects.create(strategy=locked, section="review", author=user, body=comment)
    return locked, version, now


@transaction.atomic
def request_changes(*, strategy, user, comment):
    """The mayor sends the version back with a comment saying what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": [_("Tell the team what to change.")]})
    locked, version, _now = _decide(strategy=strategy, user=user,
                                    decision=Decision.CHANGES_REQUESTED, comment=comment)
    locked.state = StrategyState.CHANGES_REQUESTED
    locked.updated_by = user
    locked.save(update_fields=["state", "updated_by", "updated_at"])
    _notify("strategy.changes_requested", strategy=locked,
            recipients=list(senior_team_of(locked.city)), version=version, by=user,
            comment=comment)
    return version


@transaction.atomic
def approve_strategy(*, strategy, user, comment=""):
    """The mayor approves the version under review: who and when are recorded on the
    strategy (and its PDF), and the PDF is queued."""
    comment = (comment or "").strip()
    locked, version, now = _decide(strategy=strategy, user=user, decision=Decision.APPROVED,
                                   comment=comment)
    locked.state = StrategyState.APPROVED
    locked.approved_by, locked.approved_at, locked.updated_by = user, now, user
    locked.save(update_fields=["state", "approved_by", "approved_at", "updated_by",
                               "updated_at"])
    request_document(strategy=locked, kind=DocumentKind.FULL)
    _notify("strategy.approved", strategy=locked, recipients=list(senior_team_of(locked.city)),
            version=version, by=user, comment=comment)
    return version
