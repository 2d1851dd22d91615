"""Tests sign in with a code that is still current when the server checks it."""

from pathlib import Path

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, validate_totp_code

from tests import totp

SECRET = "JBSWY3DPEHPK3PXP"


def _clock(monkeypatch, now):
    clock, slept = [now], []

    def sleep(seconds):
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(totp.time, "time", lambda: clock[0])
    monkeypatch.setattr(totp.time, "sleep", sleep)
    return slept


def test_a_code_about_to_expire_is_replaced_by_the_next_one(monkeypatch):
    slept = _clock(monkeypatch, 1000 * 30 + 27.5)  # 2.5 s left in step 1000
    assert totp.current_code(SECRET) == format_hotp_value(hotp_value(SECRET, 1001))
    assert 2.5 <= sum(slept) < 3


def test_a_fresh_code_is_given_at_once(monkeypatch):
    slept = _clock(monkeypatch, 1000 * 30 + 3)
    assert totp.current_code(SECRET) == format_hotp_value(hotp_value(SECRET, 1000))
    assert slept == []


def test_the_server_accepts_the_code_now():
    assert validate_totp_code(SECRET, totp.current_code(SECRET))


def test_no_test_computes_a_code_from_the_clock_itself():
    tests = Path(totp.__file__).parent
    own = {Path(totp.__file__), Path(__file__)}
    readers = [str(path.relative_to(tests)) for path in tests.rglob("*.py")
               if path not in own and "hotp_value(" in path.read_text()]
    assert not readers, f"use tests.totp.current_code: {readers}"
