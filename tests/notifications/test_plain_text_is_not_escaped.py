"""The text part and subject of every notification read as written: no HTML entities for a
name like O'Brien & "Sons" <x> (issue 18). Every kind under
notifications/templates/notifications/ is rendered with that name in every text it shows;
the HTML part stays escaped."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import Invitation, User
from applications.models import Application
from cities.models import City
from coaching.models import ActionItem, MayorRequest
from cohorts.models import Cohort
from notifications.rendering import render_message
from schedule.models import Session
from showcases.models import Showcase, ShowcaseRound
from strategy.models import StrategyVersion

NAME = "O'Brien & \"Sons\" <x>"
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
KINDS = sorted(path.parent.name for path in
               (Path(settings.BASE_DIR) / "notifications" / "templates" / "notifications")
               .glob("*/body.txt"))


def _context():
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    city = City(name=NAME, slug="obrien", country=NAME, region=NAME)
    cohort = Cohort(name=NAME, slug="cohort")
    person = User(name=NAME, email="obrien@example.test")
    return {
        "city": city, "cohort": cohort, "recipient": person, "by": person, "coach": person,
        "application": Application(city_name=NAME, country=NAME, cohort=cohort,
                                   mayor_name=NAME),
        "item": ActionItem(title=NAME, details=NAME, due_on=today, city=city),
        "session": Session(title=NAME, starts_at=now, ends_at=now + datetime.timedelta(hours=1),
                           time_zone="UTC", location=NAME, cohort=cohort),
        "showcase": Showcase(title=NAME, city=city),
        "round": ShowcaseRound(title=NAME, submission_deadline=now),
        "invitation": Invitation(email="obrien@example.test", name=NAME, city=city,
                                 role="cdo"),
        "version": StrategyVersion(number=2, submitted_at=now, snapshot={}),
        "mayor_request": MayorRequest(question=NAME, deadline=today, answer=NAME, city=city),
        "total": SimpleNamespace(hours=1, commitment=4, shortfall=3),
        "assignment": SimpleNamespace(title=NAME), "revision": SimpleNamespace(comment=NAME),
        "invited_by": person,
        "notifications": [SimpleNamespace(created_at=now, subject=NAME,
                                          absolute_url="https://civic.test/n/1")],
        "due_on": today, "happened_at": now, "to_invitee": True,
        "summary": NAME, "decisions": NAME, "message": NAME, "comment": NAME, "note": NAME,
        "feedback": NAME, "error": NAME, "body": NAME, "text": NAME, "title": NAME,
        "link": "https://civic.test/c/obrien/?a=1&b=2", "url": "https://civic.test/",
        "site_url": "https://civic.test", "inbox_url": "https://civic.test/inbox/",
    }


def test_every_kind_is_checked():
    assert len(KINDS) > 30


@pytest.mark.parametrize("kind", KINDS)
def test_the_text_part_has_no_html_entities(kind):
    rendered = render_message(event=kind, context=_context())
    for part in (rendered.subject, rendered.text):
        assert not ENTITY.search(part), f"{kind}: {ENTITY.findall(part)} in {part!r}"
    assert NAME in rendered.subject + rendered.text or kind == "digest" and NAME in rendered.text
    if rendered.html:
        assert NAME not in rendered.html  # the HTML part is still escaped
