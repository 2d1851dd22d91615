"""Long lists of open action items: the soonest due first, the rest one link away."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from coaching.portal import HOME_ITEMS_LIMIT, OPEN_ITEMS_LIMIT
from tests import factories

pytestmark = pytest.mark.django_db

TOTAL = OPEN_ITEMS_LIMIT + 5


@pytest.fixture
def many_items(world):
    today = timezone.localdate()
    with scopes_disabled():
        for n in range(TOTAL):  # "Due 00" is due first
            factories.ActionItemFactory(
                city=world.city, title=f"Due {n:02d}", due_on=today + datetime.timedelta(days=n)
            )
        factories.ActionItemFactory(city=world.city, title="Finished", status="done")
    return world


def test_the_coaching_page_shows_the_first_open_items_and_links_to_all(many_items, client_as):
    client = client_as("member_a")
    page = client.get(f"/c/{many_items.city.slug}/coaching/").content.decode()
    assert "Due 00" in page and f"Due {OPEN_ITEMS_LIMIT - 1:02d}" in page
    assert f"Due {OPEN_ITEMS_LIMIT:02d}" not in page
    assert "Finished" in page  # the done ones are still listed
    assert 'href="?items=all#actions-heading">Show all open actions</a>' in page

    everything = client.get(f"/c/{many_items.city.slug}/coaching/?items=all").content.decode()
    assert f"Due {TOTAL - 1:02d}" in everything
    assert "Show all open actions" not in everything


def test_the_city_home_card_shows_the_soonest_due(many_items, client_as):
    page = client_as("member_a").get(f"/c/{many_items.city.slug}/").content.decode()
    assert f"Due {HOME_ITEMS_LIMIT - 1:02d}" in page
    assert f"Due {HOME_ITEMS_LIMIT:02d}" not in page
    assert f"/c/{many_items.city.slug}/coaching/?items=all#actions-heading" in page


def test_no_link_when_everything_fits(world, client_as):
    with scopes_disabled():
        factories.ActionItemFactory(city=world.city, title="Only one")
    client = client_as("member_a")
    assert "Show all open actions" not in client.get(f"/c/{world.city.slug}/").content.decode()
    coaching = client.get(f"/c/{world.city.slug}/coaching/").content.decode()
    assert "Only one" in coaching and "Show all open actions" not in coaching
