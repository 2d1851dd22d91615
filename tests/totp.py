"""The code an authenticator app shows now, for tests that sign in with two factors.

The server accepts the code of the current 30-second step only. A code read a moment before
its step ends is stale by the time the request (or a browser, seconds later) reaches the
server: CI once failed that way. Near the end of a step this waits for the next one.
"""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

MARGIN = 10  # seconds a code must stay current for the test that types it


def current_code(secret):
    """The current TOTP code for ``secret``, current for at least :data:`MARGIN` seconds."""
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < MARGIN:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
