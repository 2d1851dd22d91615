"""A person who signs up from a reviewer invitation link becomes that reviewer."""

from allauth.account.signals import user_signed_up

from reviews.reviewers import accept_reviewer_invitation, find_open_reviewer_invitation

INVITATION_SESSION_KEY = "civic_reviewer_invitation"


def holds_reviewer_invitation(request):
    """True when the visitor opened a reviewer invitation that is still open."""
    return bool(find_open_reviewer_invitation(request.session.get(INVITATION_SESSION_KEY)))


def accept_after_sign_up(sender, request, user, **kwargs):
    token = request.session.pop(INVITATION_SESSION_KEY, None) if request else None
    reviewer = find_open_reviewer_invitation(token)
    if reviewer and reviewer.email.lower() == user.email.lower():
        accept_reviewer_invitation(reviewer=reviewer, user=user)


def connect():
    user_signed_up.connect(accept_after_sign_up, dispatch_uid="reviews.accept_after_sign_up")
