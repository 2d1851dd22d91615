"""Who may see which city: the one place that looks across tenants to answer it.

Answers are cached on the user object for the length of a request, so a page that asks
several permission questions about the same city costs one or two queries.
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


def city_access(user, city):
    """Return the :class:`CityAccess` of ``user`` to ``city`` (cached per user object)."""
    if city is None or user is None or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    cache = user.__dict__.setdefault("_civic_city_access", {})
    if city.pk not in cache:
        with scopes_disabled():
            memberships = list(
                Membership.objects.filter(user=user, city=city).values_list(
                    "role", "is_city_admin")
            )
            # Through the reverse relations: cities imports no app above it.
            is_coach = City.objects.filter(
                pk=city.pk, enrollments__coach_assignments__coach=user).exists()
        cache[city.pk] = CityAccess(
            is_staff=user.is_staff, is_coach=is_coach,
            roles=frozenset(role for role, _admin in memberships),
            is_admin=any(admin for _role, admin in memberships),
        )
    return cache[city.pk]


def is_coach(user):
    """True when ``user`` coaches at least one city."""
    if not user.is_authenticated:
        return False
    if "_civic_is_coach" not in user.__dict__:
        with scopes_disabled():
            user._civic_is_coach = City.objects.filter(
                enrollments__coach_assignments__coach=user).exists()
    return user._civic_is_coach


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
