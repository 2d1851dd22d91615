"""A city's place in a cohort: active until it withdraws.

A city that withdraws keeps its history (check-ins, hours, strategy) but is no longer
invited to sessions after the day it left, and cohort health lists it apart instead of
flagging it red.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def active_on(day, prefix=""):
    """A filter for enrollments still in their cohort on ``day`` (a date); ``prefix`` is
    the path to the enrollment from the model filtered (e.g. ``"city__enrollments__"``)."""
    return Q(**{f"{prefix}withdrawn_on__isnull": True}) | Q(**{f"{prefix}withdrawn_on__gt": day})


def withdrawal_errors(*, enrollment, on, reason):
    """``{field: message}`` for a withdrawal that cannot be recorded (empty when it can):
    the day must fall within the cohort and a reason must be given."""
    errors = {}
    cohort = enrollment.cohort
    if on is None:
        errors["withdrawn_on"] = _("Give the day the city left the cohort.")
    elif not cohort.starts_on <= on <= cohort.ends_on:
        errors["withdrawn_on"] = _(
            "The day must fall within the cohort, from %(start)s to %(end)s."
        ) % {"start": date_format(cohort.starts_on), "end": date_format(cohort.ends_on)}
    if not (reason or "").strip():
        errors["withdrawal_reason"] = _("Say why the city withdrew.")
    return errors


def withdraw_enrollment(*, enrollment, on, reason):
    """Record that ``enrollment``'s city left its cohort on ``on``, and why.

    Raises ``ValidationError`` per field (see :func:`withdrawal_errors`). The city's
    history stays; sessions after ``on`` no longer invite its people.
    """
    errors = withdrawal_errors(enrollment=enrollment, on=on, reason=reason)
    if errors:
        raise ValidationError(errors)
    enrollment.withdrawn_on, enrollment.withdrawal_reason = on, reason.strip()
    enrollment.save(update_fields=["withdrawn_on", "withdrawal_reason"])
    return enrollment
