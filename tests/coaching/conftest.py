import pytest
from django_scopes import scopes_disabled

from accounts.models import Role
from tests import factories
from tests.tenancy import build_world


@pytest.fixture
def world(db):
    """Cities A and B (see tests/tenancy.py) plus a second team member in city A."""
    world = build_world()
    with scopes_disabled():
        world.users["manager_a"] = factories.MembershipFactory(
            city=world.city, role=Role.CITY_MANAGER
        ).user
    return world

