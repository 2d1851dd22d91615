"""Pages show the label of a choice, never its stored code (``city_manager``, ``under_review``).

Every application page is rendered with every state and a team holding every role, and its
visible text (attributes, scripts and styles aside) must not contain a code whose label
reads differently.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from accounts.models import SENIOR_TEAM_ROLES, Role
from applications.models import ApplicationState
from tests import factories

pytestmark = pytest.mark.django_db


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template") and self.hidden > 0

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def raw_codes(text, *choice_sets):
    """The codes of ``choice_sets`` that appear as words in ``text`` though their label
    reads differently (a code equal to its label, like ``mayor``/"Mayor", is fine)."""
    found = set()
    for choices in choice_sets:
        for code, label in choices:
            if str(code).casefold() == str(label).casefold():
                continue
            if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text):
                found.add(code)
    return found


def _team():
    return [{"name": f"Person {i}", "email": f"p{i}@team.test", "role": role.value}
            for i, role in enumerate(SENIOR_TEAM_ROLES)]


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("state", ApplicationState.values)
def test_application_pages_show_role_and_state_labels(state, staff_client):
    application = factories.ApplicationFactory(state=state, team=_team())
    applicant = Client()
    applicant.force_login(application.applicant)
    pages = {
        "applicant's page": applicant.get(f"/apply/applications/{application.pk}/"),
        "applicant's list": applicant.get("/apply/applications/"),
        "admin review": staff_client.get(f"/admin/cities/application/{application.pk}/change/"),
        "admin list": staff_client.get("/admin/cities/application/"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = visible_text(response.content.decode())
        assert raw_codes(text, Role.choices, ApplicationState.choices) == set(), name


def test_the_submitted_team_reads_as_role_names():
    application = factories.ApplicationFactory(state=ApplicationState.SUBMITTED, team=_team())
    client = Client()
    client.force_login(application.applicant)
    text = visible_text(client.get(f"/apply/applications/{application.pk}/").content.decode())
    assert "City manager or chief of staff" in text and "Equity lead" in text
