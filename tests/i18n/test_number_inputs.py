"""Every number input of every form holds only an HTML number, whatever was posted.

A value posted by hand or by a program ("NaN", "12,5", "1e") put back into
``<input type="number">`` is invalid HTML (the W3C Nu checker refuses it) and the browser
shows the field empty beside its error, so the person cannot see what was wrong. This binds
EVERY form of the project (portal, staff and the admin's, walked as in test_date_inputs) to
such values in Spanish and Portuguese and checks every input of the re-rendered form: a
number input carries an HTML number, and the value comes back as typed.
"""

import pytest
from django import forms
from django.utils import translation
from django_scopes import scopes_disabled

from common.number_inputs import HTML_NUMBER, holds_as_number
from tests.i18n.test_date_inputs import _inputs

NOT_NUMBERS = ["NaN", "12,5", "1e", "Infinity", "--1"]
# Forms that must be found (the walk itself must not silently find nothing).
KNOWN_NUMBER_FORMS = {"CheckInForm", "LogLearningForm"}


def test_the_html_number_rule():
    assert all(holds_as_number(v) for v in (None, "", "12", "-0.5", ".5", "1e3", "2E-4"))
    assert not any(holds_as_number(v) for v in ("NaN", "12,5", "1e", "+1", "5.", "inf"))


def _number_fields(form):
    return [
        name for name, field in form.fields.items() if isinstance(field.widget, forms.NumberInput)
    ]


@pytest.mark.parametrize("typed", NOT_NUMBERS)
@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_a_number_input_shows_what_was_typed_without_breaking_html(all_forms, language, typed):
    checked, wrong = set(), []
    with scopes_disabled(), translation.override(language):
        for label, cls, kwargs in all_forms:
            unbound = cls(**kwargs)
            names = _number_fields(unbound)
            if not names:
                continue
            form = cls({unbound.add_prefix(n): typed for n in names}, **kwargs)
            try:
                form.is_valid()
            except ValueError:
                # An admin inline's form alone (label "admin:<model>:<inline>") cannot clean
                # a model that names its parent's field: its formset binds it in the admin.
                if label.count(":") != 2:
                    raise
                continue
            rendered = {attrs.get("name"): attrs for attrs in _inputs(str(form))}
            for name in names:
                attrs = rendered.get(form.add_prefix(name))
                if attrs is None:
                    continue
                checked.add(cls.__name__)
                value = attrs.get("value") or ""
                if attrs.get("type") == "number" and value and not HTML_NUMBER.fullmatch(value):
                    wrong.append(f"{label} {name}: type=number value={value!r}")
                elif value != typed:
                    wrong.append(f"{label} {name}: shows {value!r}, the person typed {typed!r}")
                elif attrs.get("type") != "number" and {"min", "max", "step"} & set(attrs):
                    wrong.append(f"{label} {name}: a text input with number attributes")
    assert not wrong, "\n".join(wrong)
    assert KNOWN_NUMBER_FORMS <= checked, f"not walked: {KNOWN_NUMBER_FORMS - checked}"


def test_a_number_stays_a_number_input(all_forms):
    with scopes_disabled():
        for _label, cls, kwargs in all_forms:
            unbound = cls(**kwargs)
            names = _number_fields(unbound)
            if cls.__name__ != "CheckInForm" or not names:
                continue
            form = cls({unbound.add_prefix(n): "30" for n in names}, **kwargs)
            form.is_valid()
            kinds = {a.get("name"): a.get("type") for a in _inputs(str(form))}
            assert all(kinds[form.add_prefix(n)] == "number" for n in names)
            return
    pytest.fail("CheckInForm was not walked")
