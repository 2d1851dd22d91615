"""Refusals of the applications API are 400s with a message at the field, never 500s."""

import pytest

from applications.models import Application
from tests import factories


@pytest.fixture
def staff(db):
    return factories.UserFactory(email="staff@example.test", is_staff=True, is_superuser=True)


def test_a_second_application_to_a_cohort_is_a_400_at_the_cohort(client, staff):
    """The fuzzer's 500: staff with a draft for Port Aurora start another to the same cohort
    (an existing city's name, another country)."""
    first = factories.ApplicationFactory(applicant=staff, city_name="Port Aurora",
                                         country="CL")
    factories.CityFactory(name="Port Aurora", country="CL", slug="port-aurora")
    client.force_login(staff)
    response = client.post("/api/v1/applications/", {
        "city_name": "Port Aurora", "cohort": first.cohort.slug, "country": "New Zealand",
    }, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["cohort"] == [
        "You have already applied to this cohort. Edit that application instead of "
        "starting another."
    ]
    assert list(Application.objects.values_list("pk", flat=True)) == [first.pk]


def test_the_applicant_edits_the_application_they_have(client, staff):
    first = factories.ApplicationFactory(applicant=staff)
    client.force_login(staff)
    response = client.patch(f"/api/v1/applications/{first.pk}/", {"region": "North"},
                            content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["region"] == "North"
