"""Extreme values, as Hypothesis strategies: for query strings and form fields (text), and for
JSON bodies (JSON text, so that ``1e999``, ``NaN`` and nesting 10,000 deep can be sent as a
client would send them, which ``json.dumps`` cannot)."""

from __future__ import annotations

import datetime
import json

from hypothesis import strategies as st

DEEP = 10_000

EXTREME_TEXT = [
    "1e999", "-1e999", "1e-999", "NaN", "inf", "-inf", "-0", "0", "-1", "²", "٣", "１２",
    "9" * 30, "-" + "9" * 30, "0001-01", "9999-12", "0000-00", "10000-01", "2026-13",
    "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59:59", "10000-01-01",
    "2026-02-30", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "", " ", "\x00",
    "true", "null", "[]", "{}", "[" * 200, "x" * 70_000,
]
TEXT = st.one_of(
    st.sampled_from(EXTREME_TEXT),
    st.text(max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(str),
    st.datetimes().map(lambda moment: moment.isoformat()),
)

# JSON values as JSON text.
EXTREME_JSON = [
    "1e999", "-1e999", "1e-999", "NaN", "Infinity", "-Infinity", "-0", "-0.0", "0",
    "99999999999999999999999", "-99999999999999999999999", "1.5", "true", "false", "null",
    '""', '"1e999"', '"-0"', '"0001-01-01"', '"9999-12-31"', '"0001-01-01T00:00:00"',
    '"0001-01-01T00:00:00+14:00"', '"9999-12-31T23:59:59-12:00"', "[]", "{}",
    '{"a": {"b": {"c": []}}}', "[" * 40 + "]" * 40, json.dumps("x" * 100_000),
    json.dumps("a\x00b"),
]
JSON_VALUE = st.one_of(
    st.sampled_from(EXTREME_JSON),
    TEXT.map(json.dumps),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)
# A whole body that is no object at all, or an object nested past any sane depth.
EXTREME_DOCUMENTS = [
    "[" * DEEP + "]" * DEEP,
    '{"a": ' * DEEP + "1" + "}" * DEEP,
    "1e999", "NaN", "null", "[]", '"text"', "", "{", '{"a": 1,}', "\x00", "\ufeff{}",
]


def json_object(names):
    """A JSON object (as text) giving some of ``names`` (and a few others) extreme values."""
    keys = st.one_of(st.sampled_from(sorted(names) or ["section"]), st.text(max_size=10))
    members = st.dictionaries(keys, JSON_VALUE, max_size=max(len(names), 3) + 2)
    return members.map(
        lambda d: "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in d.items()) + "}"
    )


def json_body(names):
    return st.one_of(json_object(names), st.sampled_from(EXTREME_DOCUMENTS))


def query(names):
    """Query-string parameters: the given names (and a few others) with extreme text."""
    keys = st.one_of(st.sampled_from(sorted(names)), st.text(min_size=1, max_size=8))
    return st.dictionaries(keys, TEXT, max_size=4)
