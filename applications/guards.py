"""The state check every transition of an application starts with: whether the application
is in a state that allows it. Shared by the life cycle and admission. (Who may ask is the
door's question: ``applications/rules.py``, ``cities.doors``.)"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def require_state(application, allowed, verb):
    """The application's state must be one of ``allowed``; ``verb`` names what was tried."""
    if application.state not in allowed:
        raise ValidationError(
            _("An application that is “%(state)s” cannot be %(verb)s.")
            % {"state": application.get_state_display(), "verb": verb}
        )
