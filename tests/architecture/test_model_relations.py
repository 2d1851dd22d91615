"""A model's foreign keys follow the layers too. A relation named by a string
(``models.ForeignKey("schedule.Session")``) is no import, so import-linter does not see it,
yet it ties the lower app's tables and migrations to the higher app's just as an import
would. Every relation of every model of the project's apps must point to its own app or to
an app on a lower layer (pyproject's ``[tool.importlinter]`` layers), save the few listed
here, each with its reason (like ``ignore_imports``), which only shrink.
"""

from django.apps import apps

from tests.architecture.graph import CONTRACTS

LAYERS = next(c for c in CONTRACTS["contracts"] if c["id"] == "layers")["layers"]
HEIGHT = {name.strip(): len(LAYERS) - row
          for row, layer in enumerate(LAYERS) for name in layer.split("|")}

KNOWN = {
    # A person's membership and invitation name the city (the tenant) that sits above
    # accounts: the membership is the tenancy's own fact; moving it to cities moves every
    # row (and allauth's sign-up by invitation reads it).
    "accounts.Membership.city", "accounts.HistoricalMembership.city",
    "accounts.Invitation.city",
    # A material attached to a session (sessions moved up to schedule/ with their rows);
    # turning it the other way round moves the session materials' rows into schedule/.
    "curriculum.Material.session",
    # An action item may serve a strategy initiative (two features side by side).
    "coaching.ActionItem.initiative", "coaching.HistoricalActionItem.initiative",
}


def _relations_up_or_sideways():
    found = set()
    for model in apps.get_models():
        app = model._meta.app_label
        if app not in HEIGHT:
            continue
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.related_model):
                continue
            target = field.related_model._meta.app_label
            if target in HEIGHT and target != app and HEIGHT[target] >= HEIGHT[app]:
                found.add(f"{app}.{model.__name__}.{field.name}")
    return found


def test_every_relation_points_to_its_own_app_or_below():
    assert _relations_up_or_sideways() - KNOWN == set()


def test_the_known_exceptions_are_still_there():
    """An exception fixed is taken off the list, so it cannot come back unnoticed."""
    assert KNOWN - _relations_up_or_sideways() == set()
