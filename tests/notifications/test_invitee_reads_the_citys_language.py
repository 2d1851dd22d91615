"""Someone without an account yet (an invitee: a bare e-mail address) reads the mail in the
language the city works in (``cities.language.city_language``: as set on the city, else its
country's), not in the program's English; a person with an account reads their own."""

import pytest
from django.utils import translation

from accounts.invitations import invite_member
from notifications.models import EmailOutbox
from notifications.services import notify
from tests import factories

pytestmark = pytest.mark.django_db


def _expected_subject(language, city):
    with translation.override(language):
        return translation.gettext("Reminder: join the %(city)s team on Civic Accelerator") % {
            "city": city.name}


@pytest.mark.parametrize(("country", "language", "expected"), [
    ("BR", "", "pt-br"), ("MX", "", "es"), ("US", "", "en"), ("US", "es", "es"),
])
def test_an_invitee_reads_the_citys_language(no_scope, country, language, expected):
    city = factories.CityFactory(country=country, language=language)
    invitation = invite_member(city=city, email="nova@example.test", role="cdo")
    notify("invitation.reminder", recipients=[invitation.email], about=invitation,
           category="account", mandatory=True,
           context={"invitation": invitation, "city": city, "to_invitee": True,
                    "link": f"/invitations/{invitation.token}/"})
    email = EmailOutbox.objects.get(to="nova@example.test")
    assert email.subject == _expected_subject(expected, city)


def test_the_languages_differ_so_the_check_can_fail(no_scope):
    city = factories.CityFactory()
    assert len({_expected_subject(language, city) for language in ("en", "es", "pt-br")}) == 3


def test_a_person_with_an_account_reads_their_own(no_scope):
    city = factories.CityFactory(country="BR")
    person = factories.UserFactory(language="es")
    invitation = invite_member(city=city, email="nova@example.test", role="cdo")
    notify("invitation.reminder", recipients=[person], about=invitation, category="account",
           mandatory=True, context={"invitation": invitation, "city": city,
                                    "to_invitee": True, "link": "/"})
    assert EmailOutbox.objects.get(recipient=person).subject == _expected_subject("es", city)
