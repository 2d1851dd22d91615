"""The checks every transition of an application starts with: who is asking and whether
the application is in a state that allows it. Shared by the life cycle and admission."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def require_applicant(application, user):
    """Only the application's own applicant."""
    if application.applicant_id != user.pk:
        raise PermissionDenied(_("Only the applicant may do this."))


def require_staff(user):
    """Only active program staff."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        raise PermissionDenied(_("Only program staff may decide on applications."))


def require_state(application, allowed, verb):
    """The application's state must be one of ``allowed``; ``verb`` names what was tried."""
    if application.state not in allowed:
        raise ValidationError(
            _("An application that is “%(state)s” cannot be %(verb)s.")
            % {"state": application.get_state_display(), "verb": verb}
        )
