"""Who may see which city: the one place that looks across tenants to answer it.

Answers are cached on the user object for the length of a request, so a page that asks
several permission questions about the same city costs one or two queries. The memo is the
user's own (:func:`request_memo`), not the ``SimpleLazyObject`` that ``request.user`` wraps
it in: a door given the lazy ``request.user`` and a menu given the user behind it share it.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django_scopes import scopes_disabled

from accounts.models import Membership
from cities.models import City


@dataclass(frozen=True)
class CityAccess:
    """What one user is to one city: staff, one of its coaches, and/or team roles."""

    is_staff: bool = False
    is_coach: bool = False
    roles: frozenset = field(default_factory=frozenset)
    is_admin: bool = False  # a city administrator (Membership.is_city_admin)

    @property
    def is_member(self):
        return bool(self.roles)

    @property
    def can_view(self):
        return self.is_staff or self.is_coach or self.is_member


NO_ACCESS = CityAccess()


def request_memo(user):
    """The dict that keeps answers about ``user`` for the length of a request.

    Kept on the user object itself: ``request.user`` is a ``SimpleLazyObject`` whose own
    ``__dict__`` is not the user's (attributes set through it land on the user, but a look
    in ``request.user.__dict__`` never finds them), so every memo goes through here.
    """
    try:
        return user._civic_request_memo
    except AttributeError:
        user._civic_request_memo = {}
        return user._civic_request_memo


def city_access(user, city):
    """Return the :class:`CityAccess` of ``user`` to ``city`` (cached per user object)."""
    if city is None or user is None or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    cache = request_memo(user).setdefault("city_access", {})
    if city.pk not in cache:
        with scopes_disabled():
            memberships = list(
                Membership.objects.filter(user=user, city=city).values_list(
                    "role", "is_city_admin")
            )
        cache[city.pk] = CityAccess(
            is_staff=user.is_staff, is_coach=city.pk in coached_city_ids(user),
            roles=frozenset(role for role, _admin in memberships),
            is_admin=any(admin for _role, admin in memberships),
        )
    return cache[city.pk]


def is_coach(user):
    """True when ``user`` coaches at least one city."""
    if not user.is_authenticated:
        return False
    return bool(coached_city_ids(user))


def coached_city_ids(user):
    """The ids of the cities ``user`` coaches, asked once per request: the one question
    behind :func:`is_coach`, :func:`city_access`'s coach and a coach's own pages."""
    if not user.is_authenticated:
        return frozenset()
    memo = request_memo(user)
    if "coached_city_ids" not in memo:
        with scopes_disabled():
            # Through the reverse relations: cities imports no app above it.
            memo["coached_city_ids"] = frozenset(City.objects.filter(
                enrollments__coach_assignments__coach=user).values_list("pk", flat=True))
    return memo["coached_city_ids"]


def cities_visible_to(user):
    """The cities ``user`` may open: all for staff, otherwise their teams and coached cities."""
    if not user.is_authenticated or not user.is_active:
        return City.objects.none()
    if user.is_staff:
        return City.objects.all()
    return City.objects.filter(
        Q(memberships__user=user) | Q(enrollments__coach_assignments__coach=user)
    ).distinct()


def home_city_for(user):
    """The city a team member lands on after logging in, or ``None``."""
    with scopes_disabled():
        membership = (
            Membership.objects.filter(user=user).select_related("city").order_by("created_at")
        ).first()
    return membership.city if membership else None
