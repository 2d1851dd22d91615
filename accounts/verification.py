"""Whether a person has confirmed their e-mail address (allauth's ``EmailAddress``)."""

from allauth.account.models import EmailAddress


def has_verified_email(user):
    """True when ``user`` has confirmed the e-mail address they sign in with."""
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
