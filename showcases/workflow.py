"""The life of a showcase: draft → submitted → feedback given → (revised → …) → accepted →
presented. One function per transition: it checks who may do it and whether the state
allows it, saves, writes history (django-simple-history, with the reason) and notifies.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cities.people import coaches_of, senior_team_of
from notifications.services import notify
from showcases.models import Feedback, Message, Showcase, ShowcaseSlot, State

EDITABLE_STATES = {State.DRAFT, State.FEEDBACK_GIVEN}
REVIEWABLE_STATES = {State.SUBMITTED, State.REVISED, State.FEEDBACK_GIVEN}
DRAFT_FIELDS = (
    "round", "title", "practice_type", "pillar", "what_changed", "who_involved", "impact",
    "impact_kind", "sustainment_owner", "sustainment_how", "sustainment_review_on",
)
REQUIRED_TO_SUBMIT = (
    "what_changed", "who_involved", "impact", "sustainment_owner", "sustainment_how",
    "sustainment_review_on",
)


# --- who hears about it -------------------------------------------------------------------

def _tell(event, recipients, showcase, **context):
    notify(
        f"showcase.{event}", recipients=recipients, about=showcase,
        context={"showcase": showcase, "city": showcase.city, **context},
        category="showcases",
    )


def _save(showcase, reason, **fields):
    for name, value in fields.items():
        setattr(showcase, name, value)
    showcase._change_reason = reason
    showcase.save()
    return showcase


def _require_state(showcase, states, message):
    if showcase.state not in states:
        raise ValidationError({"state": message})


# --- the team -----------------------------------------------------------------------------

def save_draft(*, city, by, fields, showcase=None):
    """Create or update a showcase draft of ``city`` with ``fields`` (a dict of form fields).

    Only the city's senior team may write, and only while the showcase is a draft or is
    back with the team after feedback. Raises ``ValidationError`` per field.
    """
    if showcase is None:
        showcase = Showcase(city=city, created_by=by)
        reason = "created"
    else:
        if showcase.city_id != city.pk:
            raise ValidationError(_("This showcase belongs to another city."))
        _require_state(showcase, EDITABLE_STATES,
                       _("This showcase is with the coach; it can be edited once feedback "
                         "is given."))
        reason = "edited"
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Not draft fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(showcase, name, value)
    if showcase.round is not None:
        with scopes_disabled():
            enrolled = city.enrollments.filter(cohort_id=showcase.round.cohort_id).exists()
        if not enrolled:
            raise ValidationError({"round": _("Choose a round of your city's cohort.")})
    showcase.full_clean(exclude=["city", "created_by", "publication_approved_by"])
    showcase._change_reason = reason
    showcase.save()
    return showcase


def _check_complete(showcase):
    errors = {}
    for name in REQUIRED_TO_SUBMIT:
        if getattr(showcase, name) in (None, ""):
            errors[name] = _("Fill this in before you submit.")
    if not showcase.evidence.exists():
        errors["evidence"] = _("Add at least one piece of evidence (a file or a link).")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submit_showcase(*, showcase, by):
    """Send a draft to the city's coach for feedback (every part filled in, with evidence)."""
    _require_state(showcase, {State.DRAFT}, _("Only a draft can be submitted."))
    _check_complete(showcase)
    _save(showcase, "submitted", state=State.SUBMITTED, submitted_at=timezone.now())
    _tell("submitted", list(coaches_of(showcase.city)), showcase, by=by)
    return showcase


@transaction.atomic
def resubmit(*, showcase, by):
    """Send the showcase back to the coach after the team revised it."""
    _require_state(showcase, {State.FEEDBACK_GIVEN},
                   _("Only a showcase that received feedback can be resubmitted."))
    _check_complete(showcase)
    _save(showcase, "resubmitted", state=State.REVISED, revision_requested=False,
          submitted_at=timezone.now())
    _tell("resubmitted", list(coaches_of(showcase.city)), showcase, by=by)
    return showcase


# --- the coach ----------------------------------------------------------------------------

@transaction.atomic
def give_feedback(*, showcase, by, strengths, suggestions="", sustainment_risks="",
                  revision_requested=False):
    """Record the coach's structured feedback; with ``revision_requested`` the team must
    revise and resubmit before the showcase can be accepted."""
    _require_state(showcase, REVIEWABLE_STATES,
                   _("Feedback is given on a submitted showcase."))
    if not (strengths or "").strip():
        raise ValidationError({"strengths": _("Say what works well in this showcase.")})
    feedback = Feedback.objects.create(
        showcase=showcase, coach=by, strengths=strengths.strip(),
        suggestions=(suggestions or "").strip(),
        sustainment_risks=(sustainment_risks or "").strip(),
        revision_requested=bool(revision_requested),
    )
    _save(showcase, "revision requested" if revision_requested else "feedback given",
          state=State.FEEDBACK_GIVEN, revision_requested=bool(revision_requested))
    event = "revision_requested" if revision_requested else "feedback_given"
    _tell(event, list(senior_team_of(showcase.city)), showcase, feedback=feedback, by=by)
    return feedback


def request_revision(*, showcase, by, strengths, suggestions="", sustainment_risks=""):
    """Give feedback that asks the team to revise and resubmit."""
    return give_feedback(
        showcase=showcase, by=by, strengths=strengths, suggestions=suggestions,
        sustainment_risks=sustainment_risks, revision_requested=True,
    )


@transaction.atomic
def accept_showcase(*, showcase, by):
    """The coach accepts the showcase: it can now be placed in a showcase session."""
    _require_state(showcase, REVIEWABLE_STATES, _("Only a submitted showcase can be accepted."))
    if showcase.revision_requested:
        raise ValidationError({"state": _(
            "You asked for a revision; accept the showcase once the team resubmits it."
        )})
    _save(showcase, "accepted", state=State.ACCEPTED, accepted_at=timezone.now())
    _tell("accepted", list(senior_team_of(showcase.city)), showcase, by=by)
    return showcase


# --- the session --------------------------------------------------------------------------

@transaction.atomic
def present_showcase(*, showcase, by, now=None):
    """Mark an accepted showcase as presented (by staff or the city's coach).

    Refused until its slot's showcase session has started: a showcase with no slot, or
    whose session is still to come (or cancelled), has not been presented.
    """
    _require_state(showcase, {State.ACCEPTED}, _("Only an accepted showcase can be presented."))
    _require_slot_started(showcase, now or timezone.now())
    _save(showcase, "presented", state=State.PRESENTED, presented_at=timezone.now())
    _tell("presented", list(senior_team_of(showcase.city)), showcase, by=by)
    return showcase


def _require_slot_started(showcase, now):
    with scopes_disabled():
        slot = ShowcaseSlot.objects.filter(showcase=showcase).select_related("session").first()
    if slot is None:
        raise ValidationError({"state": _(
            "This showcase has no slot in a showcase session yet: it can be marked presented "
            "once it has been scheduled and its session has started."
        )})
    if slot.session.is_cancelled:
        raise ValidationError({"state": _(
            "The session this showcase was scheduled in is cancelled: schedule it in another "
            "session first."
        )})
    if slot.session.starts_at > now:
        starts = timezone.localtime(slot.session.starts_at)
        raise ValidationError({"state": _(
            "This showcase is scheduled for %(when)s: it can be marked presented once its "
            "session has started."
        ) % {"when": date_format(starts, "DATETIME_FORMAT")}})


# --- the conversation ---------------------------------------------------------------------

def post_message(*, showcase, by, body):
    """Add a message to the showcase's conversation and tell the other side."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message first.")})
    if len(body) > 5000:
        raise ValidationError({"body": _("Keep a message under 5,000 characters.")})
    message = Message.objects.create(showcase=showcase, author=by, body=body)
    recipients = [*senior_team_of(showcase.city), *coaches_of(showcase.city)]
    recipients = [user for user in recipients if user.pk != by.pk]
    _tell("message", recipients, showcase, message=message, by=by)
    return message
