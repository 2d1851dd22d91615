"""Decisions taken in the review meeting, in bulk, through the applications' own life cycle
(``applications.lifecycle``): accepting admits the city within the cohort's capacity,
waitlisting keeps it for later (a waitlisted city can be accepted afterwards), declining
ends it; each applicant is told in their language by the life cycle's ``notify()``.
The reason staff give is recorded with each decision (:class:`reviews.models.Decision`).
It is the meeting's own record unless staff choose to share it: then the decision mail
quotes it to the applicant, and the decision says it was shared.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from applications.lifecycle import (
    DECIDABLE,
    accept_application,
    decline_application,
    waitlist_application,
)
from reviews.models import Decision, Outcome

STEPS = {
    Outcome.ACCEPT: accept_application,
    Outcome.WAITLIST: waitlist_application,
    Outcome.DECLINE: decline_application,
}


def decide_applications(*, applications, outcome, reason, by, share_reason=False):
    """Decide each of ``applications`` (in the order given: the ranking's) the same way,
    with the same ``reason`` (quoted to each applicant in the decision mail when
    ``share_reason``; else kept for staff only).

    Each is decided on its own: one that cannot be (the cohort is full, it was decided
    already) is left as it was and reported, the others go ahead. Returns
    ``(decided, refused)``, ``refused`` being ``[(application, message)]``. Refused as a
    whole without a reason or without an application.
    """
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = _("Give the reason for this decision: it is kept with it.")
    if not applications:
        errors["applications"] = _("Tick at least one application to decide.")
    if outcome not in STEPS:
        errors["outcome"] = _("Choose accept, waitlist or decline.")
    if errors:
        raise ValidationError(errors)
    decided, refused = [], []
    for application in applications:
        if application.state not in DECIDABLE:
            refused.append((application, _("it is “%(state)s” already.")
                            % {"state": application.get_state_display()}))
            continue
        try:
            with transaction.atomic():
                STEPS[outcome](application=application, by=by,
                               note=reason if share_reason else "")
                Decision.objects.create(application=application, outcome=outcome,
                                        reason=reason, reason_shared=bool(share_reason),
                                        decided_by=by)
        except ValidationError as error:
            application.refresh_from_db()
            refused.append((application, " ".join(error.messages)))
        else:
            decided.append(application)
    return decided, refused
