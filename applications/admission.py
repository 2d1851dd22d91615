"""Admission: an accepted application becomes a city enrolled in the cohort, with its mayor
and proposed senior team invited in their roles.

Called by ``applications.lifecycle.accept_application`` (never the other way round)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.invitations import invite_member
from accounts.models import Role
from applications.matching import match_city
from cities.models import City
from cohorts.models import Cohort, Enrollment
from notifications.services import notify


def _unique_slug(name):
    base = slugify(name)[:70] or "city"
    slug, n = base, 2
    while City.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _city_fields(application):
    return {
        "name": application.city_name.strip(),
        "country": application.country.code,
        "region": application.region.strip(),
        "time_zone": application.time_zone,
        "population": application.population,
        "population_source": application.population_source,
        "population_year": application.population_year,
        "monthly_commitment_hours": application.monthly_commitment_hours or 0,
    }


def people_to_invite(*, application):
    """(email, name, role) for the mayor, the proposed team and the CDO, each e-mail once."""
    people = []
    if application.mayor_email:
        people.append((application.mayor_email, application.mayor_name, Role.MAYOR))
    for member in application.team or []:
        if member.get("email"):
            people.append((member["email"], member.get("name", ""),
                           member.get("role") or Role.OTHER))
    if application.has_cdo and application.cdo_email:
        people.append((application.cdo_email, application.cdo_name, Role.CDO))
    seen, unique = set(), []
    for email, name, role in people:
        if email.strip().lower() not in seen:
            seen.add(email.strip().lower())
            unique.append((email, name, role))
    return unique


@transaction.atomic
def admit_city(*, application, by, override_capacity=False):
    """Create or update the application's ``City``, enroll it and invite its people.

    The city is the one matched by name and country (and region), or a new one. Refused
    when the cohort is full unless ``override_capacity``, and when the city is already
    enrolled. Each invitee is told, with their invitation link. Returns the city.
    """
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    with scopes_disabled():
        city = application.city or match_city(
            name=application.city_name, country=application.country, region=application.region
        )
        if city and Enrollment.objects.filter(city=city, cohort=cohort).exists():
            raise ValidationError(_("%(city)s is already enrolled in %(cohort)s.")
                                  % {"city": city, "cohort": cohort})
        enrolled = Enrollment.objects.filter(cohort=cohort).count()
        if enrolled >= cohort.capacity and not override_capacity:
            raise ValidationError({"override_capacity": _(
                "%(cohort)s is full (%(enrolled)s of %(capacity)s cities). Accept over "
                "capacity only with the explicit override."
            ) % {"cohort": cohort, "enrolled": enrolled, "capacity": cohort.capacity}})
        fields = _city_fields(application)
        if city is None:
            city = City.objects.create(slug=_unique_slug(fields["name"]), **fields)
        else:
            for name, value in fields.items():
                if value not in (None, ""):
                    setattr(city, name, value)
            city.save()
        Enrollment.objects.create(city=city, cohort=cohort)
        invitations = [
            invite_member(city=city, email=email, role=role, name=name, invited_by=by)
            for email, name, role in people_to_invite(application=application)
        ]
    application.city = city
    _notify_invitees(invitations, application)
    return city


def _notify_invitees(invitations, application):
    for invitation in invitations:
        notify("application.invitation", recipients=[invitation.email], about=invitation,
               category="account", mandatory=True,
               context={"invitation": invitation, "application": application,
                        "link": f"/invitations/{invitation.token}/"})
