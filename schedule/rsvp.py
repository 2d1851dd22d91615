"""Answering a session's invitation: yes, no or maybe."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from schedule.models import Rsvp, RsvpAnswer


@transaction.atomic
def rsvp(*, session, user, city, answer):
    """Record ``user``'s answer (a :class:`RsvpAnswer`) to ``session`` as a member of ``city``.

    Refused when the session is cancelled or over, or when a "yes" would exceed its
    capacity (``ValidationError``). Who may answer (the people the session invites) is the
    door's rule ``can_answer_invitation``.
    Answering again replaces the previous answer. Returns the :class:`Rsvp`.
    """
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Choose yes, no or maybe.")})
    if session.is_cancelled:
        raise ValidationError({"answer": _("This session has been cancelled.")})
    if session.ends_at <= timezone.now():
        raise ValidationError({"answer": _("This session is over.")})
    with scopes_disabled():  # capacity counts every city's answers
        if answer == RsvpAnswer.YES and session.capacity:
            taken = (
                Rsvp.objects.filter(session=session, answer=RsvpAnswer.YES)
                .exclude(user=user).count()
            )
            if taken >= session.capacity:
                raise ValidationError({"answer": _("This session is full.")})
        response, _created = Rsvp.objects.update_or_create(
            session=session, user=user, defaults={"city": city, "answer": answer}
        )
    return response
