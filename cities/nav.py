"""The header's navigation facts for one person, cached until what they depend on changes.

Every portal page shows whether the viewer coaches any city and which cities they may
switch to. Both are cached per person; ``cities/nav_signals.py`` bumps the versions when a
membership, a coach assignment, an enrollment or a city changes.
"""

from django_scopes import scopes_disabled

from caching.versioned_cache import bump, cached
from cities.access import cities_visible_to, is_coach

CITIES_VERSION = "nav:cities"  # any city's name or slug, any enrollment


def person_version(user_id):
    return f"nav:user:{user_id}"


def forget_navigation(*, user_ids=(), cities=False):
    """Invalidate the cached navigation of ``user_ids`` (of everyone when ``cities``)."""
    bump(*(person_version(pk) for pk in user_ids if pk), *([CITIES_VERSION] if cities else []))


def navigation_for(user):
    """``{"is_coach": bool, "cities": [(pk, name, slug), …]}`` for the header of ``user``."""
    if not user.is_authenticated:
        return {"is_coach": False, "cities": []}

    def compute():
        return {
            "is_coach": is_coach(user),
            "cities": [(c.pk, c.name, c.slug) for c in city_choices_for_nav(user)],
        }

    return cached(
        f"nav:{user.pk}:{int(user.is_staff)}{int(user.is_active)}",
        depends_on=[person_version(user.pk), CITIES_VERSION],
        compute=compute,
    )


def city_choices_for_nav(user):
    """The cities to list in the header's city switcher (used by the context processor)."""
    if not user.is_authenticated or user.is_staff:
        return []
    with scopes_disabled():
        return list(cities_visible_to(user).only("name", "slug")[:20])
