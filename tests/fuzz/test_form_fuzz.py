"""Hypothesis posts mutated submissions to the portal's form pages as their legitimate user:
fields dropped, replaced by odd unicode, control characters, NUL bytes, huge strings, wrong
types, out-of-range numbers and dates, and extra fields injected.

Whatever is posted: never a 500. A rejected post re-renders the form (200 or 400) with
field error messages and saves nothing (every model's row count, and the edited row, are
unchanged). An accepted post (a redirect) wrote exactly one coherent row: one more row of
the form's model, or the edited row, holding what was posted. Text with a NUL byte is never
accepted (PostgreSQL cannot store it). The budget is fixed and derandomized.
"""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.forms.models import model_to_dict
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.forms import TARGETS
from tests.fuzz.world import build_fuzz_world, row_counts

MAX_EXAMPLES = 12
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
ERROR_MARKERS = (b'class="errorlist', b"data-error-summary", b'class="messages')

ODD_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t\r\n",
    "\u202e\u200b",
    "-1",
    "0",
    "1e309",
    "NaN",
    "inf",
    "99999999999999999999",
    "-99999999999999999999",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "31/12/2026",
    "2026-13-01T25:61",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "-0",
    "1e-999",
    "²",
    "true",
    "null",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
]
JUNK = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=30),  # any unicode, control characters included
    st.text(max_size=8).map(lambda s: f"{s}\x00{s}"),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(str),
    st.sampled_from([5_000, 70_000]).map(lambda n: "x" * n),
)
EXTRA_KEYS = st.one_of(
    st.sampled_from(
        [
            "city",
            "id",
            "pk",
            "status",
            "state",
            "created_by",
            "owner",
            "applicant",
            "coach",
            "is_staff",
            "is_superuser",
            "user",
            "revision",
            "eligible",
        ]
    ),
    st.text(min_size=1, max_size=8),
)
HOW = st.sampled_from(["keep", "keep", "keep", "drop", "junk"])


def _mutate(data, valid):
    form = {}
    for key, value in valid.items():
        how = data.draw(HOW, label=f"how {key}")
        if how == "keep":
            form[key] = value
        elif how == "junk":
            form[key] = data.draw(JUNK, label=key)
    for key, value in data.draw(
        st.dictionaries(EXTRA_KEYS, JUNK, max_size=3), label="extra"
    ).items():
        form.setdefault(key, value)
    return form


def _fields(row):
    return model_to_dict(row) if row is not None else None


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_form_page_survives_fuzzing(target, db):
    world = build_fuzz_world()
    if target.setup:
        target.setup(world)
    user = world.users[target.role]

    @FUZZ
    @given(data=st.data())
    def fuzz(data):
        client = Client()  # a new browser each time: no message left over from the last post
        client.force_login(user)
        form = _mutate(data, target.valid(world))
        edited = _fields(target.row(world)) if target.edits else None
        before = row_counts()
        response = client.post(target.url(world), form)  # a 500 raises here
        after = row_counts()
        assert response.status_code != 500
        if response.status_code in (301, 302, 303) and not _error_message(response):
            _assert_one_coherent_write(target, world, form, before, after)
            return
        if response.status_code in (301, 302, 303):  # back to the page, with an error
            assert target.rejects_by_redirect, (
                f"{target.name}: rejected {form!r} by a redirect, not by showing the form"
            )
            assert after == before, f"{target.name}: a rejected post saved rows: {form!r}"
            return
        assert response.status_code in (200, 400, *target.other_answers), (
            f"{target.name}: {response.status_code} for {form!r}"
        )
        assert after == before, f"{target.name}: a rejected post saved rows: {form!r}"
        if target.edits:
            assert _fields(target.row(world)) == edited, f"{target.name}: edited on rejection"
        if response.status_code in (200, 400):
            assert any(marker in response.content for marker in ERROR_MARKERS), (
                f"{target.name}: rejected {form!r} without a message"
            )

    fuzz()


def _error_message(response):
    return any(m.level >= messages.ERROR for m in get_messages(response.wsgi_request))


def _assert_one_coherent_write(target, world, form, before, after):
    label = target.model
    posted = form.get(target.key)
    if isinstance(posted, str):
        assert "\x00" not in posted, f"{target.name}: accepted a NUL byte in {target.key}"
    created = after[label] - before[label]
    if target.edits:
        assert created == 0, f"{target.name}: an edit added rows"
    elif target.once:  # the first valid post creates the person's row, later ones find it
        assert created in (0, 1), f"{target.name}: {created} new rows for {form!r}"
        if created == 0:
            return
    else:
        assert created == 1, f"{target.name}: {created} new rows for {form!r}"
    row = target.row(world)
    if isinstance(posted, str) and row is not None:
        stored = getattr(row, target.field)
        assert str(stored) == posted.strip(), (
            f"{target.name}: stored {stored!r} for posted {posted!r}"
        )
