from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from accounts.adapters import INVITATION_SESSION_KEY
from accounts.invitations import accept_invitation, find_open_invitation


@receiver(user_signed_up)
def accept_pending_invitation(sender, request, user, **kwargs):
    """A person who signed up from an invitation link joins the city straight away."""
    token = request.session.pop(INVITATION_SESSION_KEY, None) if request else None
    invitation = find_open_invitation(token) if token else None
    if invitation and invitation.email.lower() == user.email.lower():
        accept_invitation(invitation=invitation, user=user)
