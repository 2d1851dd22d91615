"""Versions read once per cached page (caching.versioned_cache.versions_remembered): the page,
its figures and its header ask for the same versions in one round trip, and a bump inside
the request is seen at once."""

from unittest import mock

import pytest
from django.core.cache import cache

from caching.versioned_cache import bump, cached, cached_many, versions, versions_remembered

pytestmark = pytest.mark.django_db


def _reads():
    return mock.patch.object(cache, "get_many", wraps=cache.get_many)


def test_inside_a_request_each_version_is_read_once():
    bump("v:a", "v:b")
    with versions_remembered(), _reads() as get_many:
        first = versions(["v:a", "v:b"])
        again = versions(["v:b", "v:a"])
    assert get_many.call_count == 1
    assert again == first


def test_a_version_not_read_yet_is_read_and_the_others_are_not_asked_again():
    bump("v:a", "v:c")
    with versions_remembered(), _reads() as get_many:
        versions(["v:a"])
        versions(["v:a", "v:c"])
    assert [sorted(call.args[0]) for call in get_many.call_args_list] == [
        ["cv:v:v:a"], ["cv:v:v:c"]]


def test_a_bump_inside_the_request_is_seen_at_once():
    calls = []
    with versions_remembered():
        assert cached("figure", depends_on=["v:a"], compute=lambda: calls.append(1) or 1) == 1
        assert cached("figure", depends_on=["v:a"], compute=lambda: calls.append(2) or 2) == 1
        before = versions(["v:a"])
        bump("v:a")
        assert versions(["v:a"]) != before
        assert cached("figure", depends_on=["v:a"], compute=lambda: calls.append(3) or 3) == 3
    assert calls == [1, 3]


def test_outside_a_request_every_read_asks_the_cache():
    bump("v:a")
    with _reads() as get_many:
        versions(["v:a"])
        versions(["v:a"])
    assert get_many.call_count == 2


def test_many_values_are_computed_together_and_only_those_whose_version_changed():
    asked = []

    def compute(names):
        asked.append(sorted(names))
        return {name: f"{name} at {len(asked)}" for name in names}

    keys = {name: (f"figure:{name}", [f"v:{name}"]) for name in ("a", "b", "c")}
    assert cached_many(keys, compute=compute) == {
        "a": "a at 1", "b": "b at 1", "c": "c at 1"}
    bump("v:b")
    assert cached_many(keys, compute=compute) == {
        "a": "a at 1", "b": "b at 2", "c": "c at 1"}
    assert asked == [["a", "b", "c"], ["b"]]
