"""Every date and time input of every form carries an ISO value in every language.

A browser shows ``<input type="date" value="02/12/2026">`` as empty (it reads only
``2026-12-02``), so a Spanish member logging hours was told "required". This walks EVERY
form class of the project (portal and staff forms, and the admin's forms and inlines),
renders it in Spanish and Brazilian Portuguese with a date/datetime/time initial value, and
checks each native date, datetime-local and time input; then posts the ISO values back and
checks that they are accepted in every language.
"""

import datetime
import importlib
import inspect
import pkgutil
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from common.date_inputs import IsoDateInput, IsoDateTimeInput, IsoTimeInput
from tests import factories
from tests.architecture.graph import CONTRACTS

# Every app of the import-layer contract: a new app's forms are walked the day it joins.
PROJECT_APPS = tuple(CONTRACTS["root_packages"])
LANGUAGES = ["es", "pt-br"]
A_DAY = datetime.date(2026, 12, 2)
A_MOMENT = datetime.datetime(2026, 12, 2, 13, 30)
A_TIME = datetime.time(13, 30)
ISO_VALUE = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "datetime-local": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}"),
}
EXPECTED_VALUE = {"date": "2026-12-02", "datetime-local": "2026-12-02T13:30", "time": "13:30"}
# Forms that must be found (the walk itself must not silently find nothing).
KNOWN_DATE_FORMS = {"LogLearningForm", "SessionTimeForm", "CheckInForm", "ActionItemForm",
                    "MayorRequestForm", "ShowcaseForm", "SessionAdminForm"}


def _project_form_classes():
    """Every form class defined in the project's own modules (migrations aside)."""
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" not in module.name:
                importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            # A ModelForm without a model is a base the admin completes (walked there).
            base = issubclass(sub, forms.BaseModelForm) and getattr(
                getattr(sub, "_meta", None), "model", None) is None
            if sub.__module__.split(".")[0] in PROJECT_APPS and not base:
                found.add(sub)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _admin_form_classes(request):
    """The add forms of every ModelAdmin and of their inlines, as the admin builds them."""
    classes = []
    for model, model_admin in admin.site._registry.items():
        label = f"admin:{model._meta.label}"
        classes.append((label, model_admin.get_form(request)))
        for inline in model_admin.get_inline_instances(request):
            classes.append((f"{label}:{type(inline).__name__}",
                            inline.get_formset(request).form))
    return classes


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


def _inputs(html):
    parser = _Inputs()
    parser.feed(html)
    return parser.inputs


def _is_date_field(field):
    return isinstance(field, forms.DateField | forms.DateTimeField | forms.TimeField |
                      forms.SplitDateTimeField)


def _initial_for(field):
    if isinstance(field, forms.DateTimeField | forms.SplitDateTimeField):
        return timezone.make_aware(A_MOMENT)
    if isinstance(field, forms.DateField):
        return A_DAY
    return A_TIME


def _iso_post_data(form, name, field):
    """What a browser posts for ``field`` holding the ISO value, by the widget's shape."""
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        return {f"{form.add_prefix(name)}_{i}": _iso_for_widget(sub)
                for i, sub in enumerate(widget.widgets)}
    return {form.add_prefix(name): _iso_for_widget(widget, field)}


def _iso_for_widget(widget, field=None):
    if isinstance(widget, forms.DateTimeInput) or isinstance(field, forms.DateTimeField):
        return EXPECTED_VALUE["datetime-local"]
    if isinstance(widget, forms.TimeInput) or isinstance(field, forms.TimeField):
        return EXPECTED_VALUE["time"]
    return EXPECTED_VALUE["date"]


@pytest.fixture
def constructor_kwargs(db):
    """Keyword arguments the project's forms require, by name. A form with a new required
    keyword fails the test below until its name is added here."""
    from accounts.models import User
    from applications.models import Application

    with scopes_disabled():
        cohort = factories.CohortFactory()
        city = factories.CityFactory()
        factories.EnrollmentFactory(city=city, cohort=cohort)
        membership = factories.MembershipFactory(city=city)
        user = membership.user
        session = factories.SessionFactory(cohort=cohort)
    return {
        "city": city, "members": User.objects.filter(pk=user.pk), "zone_name": session.time_zone,
        "target": cohort, "owners": User.objects.filter(pk=user.pk), "sessions": [session],
        "countries": [city.country], "user": user, "cohort": cohort, "people": [membership],
        "initiatives": [], "metrics": [], "existing_initiatives": {}, "existing_metrics": {},
        "criteria": [], "applications": Application.objects.none(),
        "reviewers": User.objects.filter(pk=user.pk),
    }


@pytest.fixture
def all_forms(constructor_kwargs):
    """[(label, form class, kwargs)] for every project form and every admin form."""
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().get("/admin/")
    request.user = staff
    found = []
    for cls in _project_form_classes():
        params = inspect.signature(cls.__init__).parameters.values()
        required = [p.name for p in params if p.kind is p.KEYWORD_ONLY and p.default is p.empty]
        missing = [name for name in required if name not in constructor_kwargs]
        assert not missing, (f"{cls.__qualname__} needs {missing}: add them to "
                             "constructor_kwargs")
        found.append((f"{cls.__module__}.{cls.__qualname__}", cls,
                      {name: constructor_kwargs[name] for name in required}))
    with scopes_disabled():
        found += [(label, cls, {}) for label, cls in _admin_form_classes(request)]
    return found


def _with_dates(cls, kwargs, data=None):
    """The form, bound to ``data`` or unbound, with every date field's initial value set."""
    fields = cls(**kwargs).fields
    initial = {name: _initial_for(f) for name, f in fields.items() if _is_date_field(f)}
    if data is None:
        return cls(initial=initial, **kwargs)
    return cls(data, initial=initial, **kwargs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_date_input_of_every_form_carries_an_iso_value(all_forms, language):
    checked, wrong = set(), []
    with scopes_disabled(), translation.override(language):
        for label, cls, kwargs in all_forms:
            form = _with_dates(cls, kwargs)
            for attrs in _inputs(str(form)):
                kind = attrs.get("type")
                if kind not in ISO_VALUE:
                    continue
                checked.add(cls.__name__)
                value = attrs.get("value") or ""
                # The day is the same in every zone; a time may be shown in a session's
                # own zone (tests/cohorts/test_session_zone_forms.py), so only its shape.
                if not ISO_VALUE[kind].fullmatch(value) or not value.startswith(
                        EXPECTED_VALUE["date"] if kind != "time" else ""):
                    wrong.append(f"{label} {attrs.get('name')}: type={kind} value={value!r}")

    assert not wrong, "\n".join(wrong)
    assert KNOWN_DATE_FORMS <= checked, f"not walked: {KNOWN_DATE_FORMS - checked}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_date_field_accepts_the_iso_value_back(all_forms, language):
    refused, checked = [], set()
    with scopes_disabled(), translation.override(language):
        for label, cls, kwargs in all_forms:
            fields = cls(**kwargs).fields
            dated = {name: f for name, f in fields.items() if _is_date_field(f)}
            if not dated:
                continue
            unbound = cls(**kwargs)
            data = {}
            for name, field in dated.items():
                data |= _iso_post_data(unbound, name, field)
            form = _with_dates(cls, kwargs, data)
            form.is_valid()
            for name, field in dated.items():
                checked.add(cls.__name__)
                value = form.cleaned_data.get(name)
                if name in form.errors or value is None:
                    refused.append(f"{label} {name} {data}: {form.errors.get(name)}")
                elif isinstance(value, datetime.datetime):
                    if timezone.is_aware(value):
                        value = timezone.localtime(value).replace(tzinfo=None)
                    if value != A_MOMENT and value.date() != A_DAY:
                        refused.append(f"{label} {name}: read as {value}")

    assert not refused, "\n".join(refused)
    assert KNOWN_DATE_FORMS <= checked, f"not walked: {KNOWN_DATE_FORMS - checked}"


def test_every_date_field_of_a_portal_or_staff_form_is_a_native_input(all_forms):
    """Outside the admin (which has its own calendar widget), dates are native inputs."""
    plain = []
    for label, cls, kwargs in all_forms:
        if label.startswith("admin:"):
            continue
        with scopes_disabled():
            for name, field in cls(**kwargs).fields.items():
                if _is_date_field(field) and not isinstance(field.widget, forms.MultiWidget):
                    if getattr(field.widget, "input_type", "") not in ISO_VALUE:
                        plain.append(f"{label} {name}: {type(field.widget).__name__}")
    assert not plain, "\n".join(plain)


class _WhenForm(forms.Form):
    day = forms.DateField(widget=IsoDateInput())
    moment = forms.DateTimeField(widget=IsoDateTimeInput())
    at = forms.TimeField(widget=IsoTimeInput())


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_the_input_cannot_hold_comes_back_as_typed_in_a_text_input(language):
    """"31/02/2026" posted to a date input: the error, and the text exactly as sent in a
    text input (a date input may hold only a real ISO date: the Nu checker refuses it,
    the browser shows it empty)."""
    typed = {"day": "31/02/2026", "moment": "2026-13-01T25:61", "at": "25:61"}
    with translation.override(language):
        html = str(_WhenForm(data=typed))
    for name, value in typed.items():
        tag = re.search(rf'<input [^>]*name="{name}"[^>]*>', html).group(0)
        assert 'type="text"' in tag and f'value="{value}"' in tag, tag
        assert 'aria-invalid="true"' in tag, tag
    valid = {"day": "0001-01-01", "moment": "9999-12-31T23:59", "at": "23:59"}
    html = str(_WhenForm(data=valid))
    for name, kind in (("day", "date"), ("moment", "datetime-local"), ("at", "time")):
        tag = re.search(rf'<input [^>]*name="{name}"[^>]*>', html).group(0)
        assert f'type="{kind}"' in tag and f'value="{valid[name]}"' in tag, tag
