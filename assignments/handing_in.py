"""The life of an assignment handed in: (not started) → draft → submitted → revise →
(draft again) → submitted → … → accepted.

One function per step. Each checks the state of things (never who calls: that is the door's
question, ``assignments/rules.py``), saves, keeps the revision and notifies through
``notify()``: the city's coaches when the team submits, the team when the coach reviews.
Bad input raises ``ValidationError`` with a message per field and changes nothing.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments.models import Decision, Revision, State, Submission
from cities.people import coaches_of, senior_team_of
from notifications.services import notify

MAX_TEXT = 20000
MAX_COMMENT = 5000
EDITABLE_STATES = {State.DRAFT, State.REVISE}


def assignment_url(*, city, assignment):
    """The portal page of ``assignment`` as ``city`` sees it."""
    return reverse("assignments:assignment", kwargs={"city": city.slug, "pk": assignment.pk})


def _tell(event, recipients, submission, **context):
    notify(
        f"assignment.{event}", recipients=recipients, about=submission,
        context={"submission": submission, "assignment": submission.assignment,
                 "city": submission.city,
                 "link": assignment_url(city=submission.city,
                                        assignment=submission.assignment),
                 **context},
        category="coaching",
    )


def submission_of(*, city, assignment):
    """The city's submission for ``assignment``, or None when it has not started."""
    return Submission.objects.filter(city=city, assignment=assignment).first()


def _fresh(submission):
    """Read ``submission`` again, its row locked until the transaction ends: a step acts on
    what is stored, never on a copy another request has since changed."""
    submission.refresh_from_db(from_queryset=Submission._base_manager.select_for_update())
    return submission


def _require_editable(submission):
    if submission.state not in EDITABLE_STATES:
        message = (_("This assignment was accepted; it is done.")
                   if submission.state == State.ACCEPTED else
                   _("This assignment is with the coach; you can change it once they have "
                     "reviewed it."))
        raise ValidationError({"text": message})


@transaction.atomic
def start_submission(*, city, assignment, by):
    """The city's working copy of ``assignment`` (a draft, made on first use). A hidden
    assignment is not started any more (a city that had started it goes on)."""
    submission = Submission.objects.select_for_update().filter(
        city=city, assignment=assignment).first()
    if submission is not None:
        return submission
    if assignment.hidden:
        raise ValidationError({"text": _(
            "The program no longer asks for this assignment, so it cannot be started.")})
    submission, _created = Submission.objects.get_or_create(
        city=city, assignment=assignment, defaults={"started_by": by}
    )
    return submission


@transaction.atomic
def save_draft(*, city, assignment, by, text):
    """Save what the team wrote for ``assignment`` as a draft (started if need be).

    Allowed while it is a draft or back with the team for a revision. Returns the submission.
    """
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _(
            "Keep it under %(limit)s characters (this is %(length)s)."
        ) % {"limit": f"{MAX_TEXT:,}", "length": f"{len(text):,}"}})
    submission = start_submission(city=city, assignment=assignment, by=by)
    _require_editable(submission)
    submission.text = text
    submission.save(update_fields=["text", "updated_at"])
    return submission


@transaction.atomic
def submit_assignment(*, submission, by):
    """Send the draft to the city's coach: a new revision, frozen as it is now (its text and
    its files and links), and the coaches are told."""
    _require_editable(_fresh(submission))
    attachments = list(submission.attachments.filter(removed_at__isnull=True))
    if not submission.text.strip() and not attachments:
        raise ValidationError({"text": _(
            "Write what the team did, or add a file or a link, before you submit."
        )})
    number = submission.revisions.count() + 1
    revision = Revision.objects.create(
        submission=submission, number=number, text=submission.text, submitted_by=by
    )
    revision.attachments.set(attachments)
    submission.state = State.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["state", "submitted_at", "updated_at"])
    _tell("submitted", list(coaches_of(submission.city)), submission, revision=revision, by=by)
    return revision


@transaction.atomic
def review_submission(*, submission, by, decision, comment=""):
    """The coach's review of the submitted revision: ``accepted`` (done), or ``revise``
    with a comment saying what to change (the team edits and submits again). The team is
    told either way."""
    comment = (comment or "").strip()
    _fresh(submission)
    errors = {}
    if submission.state != State.SUBMITTED:
        errors["decision"] = _("Only a submitted assignment can be reviewed.")
    if decision not in Decision.values:
        errors["decision"] = _("Choose whether to accept it or to ask for a revision.")
    if decision == Decision.REVISE and not comment:
        errors["comment"] = _("Say what the team should change.")
    if len(comment) > MAX_COMMENT:
        errors["comment"] = _("Keep the comment under 5,000 characters.")
    if errors:
        raise ValidationError(errors)
    revision = submission.revisions.order_by("-number").first()
    revision.decision = decision
    revision.comment = comment
    revision.reviewed_by = by
    revision.reviewed_at = timezone.now()
    revision.save(update_fields=["decision", "comment", "reviewed_by", "reviewed_at"])
    accepted = decision == Decision.ACCEPTED
    submission.state = State.ACCEPTED if accepted else State.REVISE
    submission.accepted_at = revision.reviewed_at if accepted else None
    submission.save(update_fields=["state", "accepted_at", "updated_at"])
    _tell("accepted" if accepted else "revision_requested",
          list(senior_team_of(submission.city)), submission, revision=revision, by=by)
    return revision
