"""Key moments: the coach brings the mayor back in for a decision or direction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cities.people import coaches_of, mayors_of
from coaching.models import MayorRequest
from notifications.services import notify


@transaction.atomic
def request_mayor_decision(*, city, by, question, deadline, context=""):
    """Ask ``city``'s mayor for a decision or direction by ``deadline``; tell the mayor."""
    errors = {}
    if not (question or "").strip():
        errors["question"] = _("Write the question the mayor should answer.")
    elif len(question) > 300:
        errors["question"] = _("Keep the question under 300 characters.")
    if deadline is None:
        errors["deadline"] = _("Give the date by which you need the answer.")
    elif deadline < timezone.localdate():
        errors["deadline"] = _("The deadline cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    request = MayorRequest(
        city=city, question=question.strip(), context=context or "", deadline=deadline,
        requested_by=by,
    )
    request._history_user = by
    request.save()
    mayors = list(mayors_of(city))
    if mayors:
        notify(
            "coaching.mayor_request", recipients=mayors, about=request,
            context={"mayor_request": request, "city": city}, category="coaching",
        )
    return request


@transaction.atomic
def answer_mayor_request(*, request, by, answer):
    """Record the mayor's answer (who and when, kept in the history for the city's
    timeline) and tell the coach who asked and the city's coaches."""
    if request.is_answered:
        raise ValidationError({"answer": _("This request has already been answered.")})
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Write your answer.")})
    request.answer = answer.strip()
    request.answered_by = by
    request.answered_at = timezone.now()
    request._history_user = by
    request._change_reason = "answered"
    request.save()
    coaches = list(coaches_of(request.city))
    recipients = coaches + ([request.requested_by] if request.requested_by else [])
    if recipients:
        notify(
            "coaching.mayor_answered", recipients=recipients, about=request,
            context={"mayor_request": request, "city": request.city}, category="coaching",
        )
    return request
