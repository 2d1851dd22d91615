"""The demo's people and cities (design: 'Interfaces other programs rely on')."""

from allauth.account.models import EmailAddress
from django.conf import settings

from accounts.models import Membership, Role, User
from cities.models import City

CITIES = {
    "riverton": dict(
        name="Riverton", country="US", region="Ohio", time_zone="America/New_York",
        population=312_500, population_source="US Census ACS", population_year=2023,
        monthly_commitment_hours=6,
    ),
    "lakeside": dict(
        name="Lakeside", country="MX", region="Jalisco", time_zone="America/Mexico_City",
        population=184_200, population_source="INEGI", population_year=2020,
        monthly_commitment_hours=5,
    ),
}

PEOPLE = [
    # email, name, time zone, language, staff, (city, role) or None
    ("staff@demo.test", "Pat Program", "America/New_York", "en", True, None),
    ("coach@demo.test", "Casey Coach", "America/Chicago", "en", False, None),
    ("coach2@demo.test", "Robin Coach", "America/Mexico_City", "es", False, None),
    ("mayor@riverton.demo.test", "Mayor Morgan Reyes", "America/New_York", "en", False,
     ("riverton", Role.MAYOR)),
    ("cdo@riverton.demo.test", "Dana Data", "America/New_York", "en", False,
     ("riverton", Role.CDO)),
    ("manager@riverton.demo.test", "Sam Chief", "America/New_York", "en", False,
     ("riverton", Role.CITY_MANAGER)),
    ("equity@riverton.demo.test", "Alex Equity", "America/Los_Angeles", "en", False,
     ("riverton", Role.EQUITY_LEAD)),
    ("mayor@lakeside.demo.test", "Alcaldesa Lucía Ortega", "America/Mexico_City", "es", False,
     ("lakeside", Role.MAYOR)),
    ("cdo@lakeside.demo.test", "Mateo Datos", "America/Mexico_City", "es", False,
     ("lakeside", Role.CDO)),
    ("policy@lakeside.demo.test", "Ana Política", "America/Mexico_City", "es", False,
     ("lakeside", Role.POLICY_LEAD)),
]

LOGINS = [
    "staff@demo.test", "coach@demo.test", "mayor@riverton.demo.test", "cdo@riverton.demo.test",
    "mayor@lakeside.demo.test", "cdo@lakeside.demo.test",
]


def seed(demo):
    """Create or refresh the demo cities, people and their memberships."""
    demo["cities"] = {
        slug: City.objects.update_or_create(slug=slug, defaults=fields)[0]
        for slug, fields in CITIES.items()
    }
    demo["users"] = {}
    for email, name, tz, language, is_staff, membership in PEOPLE:
        user, created = User.objects.get_or_create(email=email)
        user.name, user.time_zone, user.language = name, tz, language
        user.is_staff = user.is_superuser = is_staff
        if created or not user.check_password(settings.DEMO_PASSWORD):
            user.set_password(settings.DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if membership:
            city = demo["cities"][membership[0]]
            Membership.objects.update_or_create(
                user=user, city=city,
                defaults={"role": membership[1], "is_city_admin": membership[1] == Role.CDO},
            )
        demo["users"][email] = user
    for slug, city in demo["cities"].items():
        city.chief_data_officer = demo["users"][f"cdo@{slug}.demo.test"]
        city.save(update_fields=["chief_data_officer"])
    demo["logins"] = LOGINS
