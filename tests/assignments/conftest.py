"""The assignments tests use the showcases tests' two enrolled cities (the same team)."""

from tests.showcases.conftest import login, team  # noqa: F401 (a fixture and a helper)
