from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from accounts.client_ip import client_ip
from accounts.invitations import find_open_invitation

INVITATION_SESSION_KEY = "civic_invitation_token"
OPEN_SIGNUP_SESSION_KEY = "civic_open_signup"

# Other invitations that open sign-up (a reviewer's): predicates of the request that the
# apps knowing them register in their AppConfig.ready() (reviews).
_SIGNUP_OPENERS = []


def open_signup_when(predicate):
    """Let someone sign up when ``predicate(request)`` is true (a higher app's invitation)."""
    _SIGNUP_OPENERS.append(predicate)


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Sign-up is open only to someone holding a valid invitation (or applying for a city)."""

    def is_open_for_signup(self, request):
        if request.session.get(OPEN_SIGNUP_SESSION_KEY):
            return True
        token = request.session.get(INVITATION_SESSION_KEY)
        if token and find_open_invitation(token):
            return True
        return any(predicate(request) for predicate in _SIGNUP_OPENERS)

    def get_login_redirect_url(self, request):
        return reverse("home")

    def get_client_ip(self, request):
        """The address allauth's rate limits count: ``accounts.client_ip`` (the same one the
        API's throttles use), never a forwarded header from outside our proxies."""
        return client_ip(request)
