from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.adapters import INVITATION_SESSION_KEY
from accounts.invitations import accept_invitation, find_open_invitation


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Open an invitation: sign up (or sign in) with the invited address and join the city."""
    invitation = find_open_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if not request.user.is_authenticated:
        request.session[INVITATION_SESSION_KEY] = token
        if request.method == "POST":
            return redirect(f"{reverse('account_signup')}?{urlencode({'email': invitation.email})}")
        return render(request, "accounts/invitation.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            accept_invitation(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return render(request, "accounts/invitation.html", {"invitation": invitation})
        messages.success(request, _("Welcome to the %(city)s team.") % {"city": invitation.city})
        return redirect(invitation.city.get_absolute_url())
    return render(request, "accounts/invitation.html", {"invitation": invitation})
