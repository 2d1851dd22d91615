"""A long check-in history: the latest check-ins on the coaching page, the rest one link
away."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from coaching.portal import HISTORY_SHOWN
from tests import factories

pytestmark = pytest.mark.django_db


def _checkins(world, count):
    with scopes_disabled():
        for n in range(count):  # "Summary 00" is the latest
            factories.CheckInFactory(
                city=world.city, summary=f"Summary {n:02d}",
                happened_at=timezone.now() - datetime.timedelta(days=n + 1),
            )


def test_the_latest_check_ins_show_and_the_earlier_ones_are_one_link_away(world, client_as):
    _checkins(world, HISTORY_SHOWN + 2)
    client = client_as("member_a")
    page = client.get(f"/c/{world.city.slug}/coaching/").content.decode()
    assert "Summary 00" in page and f"Summary {HISTORY_SHOWN - 1:02d}" in page
    assert f"Summary {HISTORY_SHOWN:02d}" not in page
    assert 'href="?history=all#history-heading">Show earlier check-ins</a>' in page

    everything = client.get(f"/c/{world.city.slug}/coaching/?history=all").content.decode()
    assert f"Summary {HISTORY_SHOWN + 1:02d}" in everything
    assert "Show earlier check-ins" not in everything


def test_no_link_when_the_whole_history_fits(world, client_as):
    _checkins(world, HISTORY_SHOWN)
    page = client_as("member_a").get(f"/c/{world.city.slug}/coaching/").content.decode()
    assert f"Summary {HISTORY_SHOWN - 1:02d}" in page
    assert "Show earlier check-ins" not in page
