"""E-mail backends for tests: fail the way real SMTP servers fail, then deliver to locmem."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

FAILURES = []  # errors to raise, one per send attempt, before mail goes through


class ScriptedBackend(LocmemBackend):
    """Raises the next error from :data:`FAILURES`, if any; otherwise delivers to locmem."""

    def send_messages(self, messages):
        if FAILURES:
            raise FAILURES.pop(0)
        return super().send_messages(messages)


def temporary():
    return smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def greylisted():
    return smtplib.SMTPResponseException(451, b"4.7.1 Greylisted, try again later")


def permanent():
    return smtplib.SMTPRecipientsRefused({"x@example.test": (550, b"5.1.1 No such user")})


def rejected():
    return smtplib.SMTPResponseException(554, b"5.7.1 Message rejected")
