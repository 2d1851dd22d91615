"""Whose address is counted: forwarded headers are believed only from our own proxies, and
the sign-in form, allauth and every API throttle ask the same function."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from accounts.client_ip import client_ip
from accounts.throttles import ClientIPMixin
from tests.accounts.api_views import api_view_classes


def _request(forwarded=None, **meta):
    extra = {"REMOTE_ADDR": "10.0.0.5", **meta}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/api/v1/auth/token/", **extra)


def test_by_default_only_the_peer_address_counts(settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    assert client_ip(_request("203.0.113.9")) == "10.0.0.5"


def test_one_trusted_proxy_means_the_address_it_received_the_request_from(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("198.51.100.1, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request("203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request()) == "10.0.0.5"


def test_two_trusted_proxies_skip_both_and_a_short_chain_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("1.1.1.1, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"
    assert client_ip(_request("203.0.113.9")) == "10.0.0.5"
    assert client_ip(_request("not an address, 10.0.0.2")) == "10.0.0.5"


def test_a_proxy_header_named_in_the_settings_is_believed(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(_request("1.1.1.1", HTTP_X_REAL_IP="203.0.113.9")) == "203.0.113.9"


def test_allauth_counts_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = _request("198.51.100.1, 203.0.113.9")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.9"
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.REST_FRAMEWORK["NUM_PROXIES"] == 0


@pytest.mark.parametrize("proxies", [0, 1])
def test_every_api_throttle_identifies_the_caller_by_client_ip(settings, proxies):
    """Class-level: every throttle of every API view asks ``client_ip`` (one source of
    truth), so no view can be keyed on a header the caller chose."""
    settings.TRUSTED_PROXY_COUNT = proxies
    request = _request("198.51.100.1, 203.0.113.9")
    views = api_view_classes()
    throttled = 0
    for path, view in views:
        for throttle in view().get_throttles():
            assert isinstance(throttle, ClientIPMixin), (path, throttle)
            assert throttle.get_ident(request) == client_ip(request), path
            throttled += 1
    assert throttled >= len(views)
