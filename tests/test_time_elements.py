"""Every ``<time datetime>`` carries a valid HTML date/time: one filter writes them all.

``|date:'c'`` writes microseconds, which HTML does not accept (at most three digits of
fractional seconds): the validator counted 110 errors on ``/staff/activity/`` and the inbox.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django_scopes import scopes_disabled

from common.machine_time import machine_datetime
from notifications.services import notify
from tests import factories
from tests.i18n.test_templates_are_translated import _name, _templates

# HTML's "valid date string" / "valid global date and time string" (and its local form).
VALID = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$"
)
TIME_TAG = re.compile(r"<time\b[^>]*>", re.S)
DATETIME_ATTR = re.compile(r'\bdatetime="([^"]*)"')
USES_FILTER = re.compile(r"^\{\{\s*[\w.]+\|machine_datetime\s*\}\}$")


def test_the_filter_writes_valid_values_to_the_second():
    aware = datetime.datetime(2026, 3, 3, 9, 5, 9, 123456, tzinfo=datetime.timezone(
        datetime.timedelta(hours=-5)))
    assert machine_datetime(aware) == "2026-03-03T14:05:09Z"
    assert machine_datetime(datetime.datetime(2026, 3, 3, 9, 5, 9, 999999)) == \
        "2026-03-03T09:05:09"
    assert machine_datetime(datetime.date(2026, 3, 3)) == "2026-03-03"
    assert machine_datetime(None) == machine_datetime("") == ""
    assert all(VALID.match(machine_datetime(v)) for v in (aware, datetime.date(2026, 1, 1)))


@pytest.mark.parametrize("path", _templates(), ids=_name)
def test_every_time_element_uses_the_filter(path):
    source = path.read_text(encoding="utf-8")
    for tag in TIME_TAG.findall(source):
        for value in DATETIME_ATTR.findall(tag):
            assert USES_FILTER.match(value.strip()), f"{tag} should use |machine_datetime"


@pytest.mark.django_db
def test_the_inbox_and_the_activity_page_carry_valid_datetimes():
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    with scopes_disabled():
        city = factories.CityFactory()
        factories.ApplicationFactory(city=city)
        notify("program.announcement", recipients=[staff], about=city, category="coaching",
               context={"subject": "News", "body": "…"})
    client = Client()
    client.force_login(staff)
    for url in ("/inbox/", "/staff/activity/"):
        page = client.get(url).content.decode()
        values = [v for tag in TIME_TAG.findall(page) for v in DATETIME_ATTR.findall(tag)]
        assert values, url
        assert [v for v in values if not VALID.match(v)] == [], url


def test_no_template_folder_is_missed():
    assert any(Path(settings.BASE_DIR, "templates") in p.parents for p in _templates())
