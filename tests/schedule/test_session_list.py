"""The schedule's session lists, written in Python (``schedule.listing``), are the HTML the
list's template wrote, byte for byte: in every language, seen from two zones, for
cancelled sessions, sessions with modules, every answer, other own zones and several days.
"""

import datetime

import pytest
from django.template import engines
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from schedule.audience import sessions_for_city
from schedule.listing import FIELDS, SessionList
from schedule.models import Rsvp
from tests import factories
from tests.schedule.conftest import at

# schedule/_session_list.html as it was, included with ``empty_text=_("...")``.
TEMPLATE = """{% load i18n sessions %}{% with empty_text=_("No upcoming sessions.") %}
<ul class="session-list">
{% for session in sessions %}
  <li class="session-item{% if session.is_cancelled %} cancelled{% endif %}">
    <p class="session-when">{% session_when session %}</p>
    <h3><a href="{% url 'schedule:session' city=city.slug session_id=session.pk %}">{{ session.title }}</a>
      {% if session.is_cancelled %}<span class="tag tag-bad">{% translate "Cancelled" %}</span>{% endif %}</h3>
    <p class="session-meta">{{ session.get_kind_display }} · {{ session.get_audience_display }}{% if session.module %} · {{ session.module.title }}{% endif %}
      {% if session.my_rsvp %} · <span class="tag">{% translate "Your answer:" %} {% if session.my_rsvp == "yes" %}{% translate "yes" %}{% elif session.my_rsvp == "no" %}{% translate "no" %}{% else %}{% translate "maybe" %}{% endif %}</span>{% endif %}</p>
  </li>
{% empty %}
  <li class="empty">{{ empty_text }}</li>
{% endfor %}
</ul>
{% endwith %}"""  # noqa: E501 - the template's own lines


def _sessions(town):
    """Sessions of every kind of line, with the CDO's answers to some."""
    module = factories.ModuleFactory(title="Data <basics> & “more”")
    start = at(2026, 11, 1, 22)
    specs = [
        {"kind": "workshop", "title": "Plain"},
        {"kind": "keynote", "title": "Tom & Jerry's <b>talk</b>", "module": module},
        {"kind": "convening", "audience": "mayors", "is_cancelled": True},
        {"kind": "coaching", "audience": "city", "city": town.city, "module": module},
        {"kind": "showcase", "time_zone": "Europe/Lisbon", "audience": "senior_teams"},
        {"kind": "office_hours", "hours": 30},
    ]
    sessions = []
    with scopes_disabled():
        for n, spec in enumerate(specs):
            hours = spec.pop("hours", 1)
            begins = start + datetime.timedelta(days=3 * n)
            sessions.append(factories.SessionFactory(
                cohort=town.cohort, starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=hours), **spec))
        for session, answer in zip(sessions, ["yes", "no", "maybe", "yes"], strict=False):
            Rsvp.objects.create(session=session, city=town.city, user=town.cdo, answer=answer)


def _expected(town, answers):
    """The list as the template wrote it, from model instances."""
    sessions = list(sessions_for_city(city=town.city).select_related("module")
                    .order_by("starts_at"))
    for session in sessions:
        session.my_rsvp = answers.get(session.pk)
    return engines["django"].from_string(TEMPLATE).render(
        {"sessions": sessions, "city": town.city})


def _written(town, answers):
    rows = list(sessions_for_city(city=town.city).order_by("starts_at").values(*FIELDS))
    for row in rows:
        row["my_rsvp"] = answers.get(row["pk"])
    return SessionList(town.city).html(rows, _("No upcoming sessions."))


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "America/New_York"])
@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_the_written_list_is_the_templates(town, language, zone):
    _sessions(town)
    with scopes_disabled():
        answers = dict(Rsvp.objects.filter(user=town.cdo).values_list("session_id", "answer"))
        with translation.override(language), timezone.override(zone):
            expected, written = _expected(town, answers), _written(town, answers)

    assert "cancelled" in written and "Europe/Lisbon" in written and "&lt;b&gt;" in written
    assert written == expected


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_an_empty_list_is_the_templates(town, language):
    with scopes_disabled(), translation.override(language):
        assert _written(town, {}) == _expected(town, {})
