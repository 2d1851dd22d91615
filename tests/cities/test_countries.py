"""Countries are ISO codes; one city is one city however its name and country are written."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from applications import lifecycle as domain
from applications.models import Application
from cities.models import City
from cities.places import country_code, normalise
from tests import factories


@pytest.mark.parametrize("written, code", [
    ("US", "US"), ("us", "US"), ("USA", "US"), ("U.S.A.", "US"), ("United States", "US"),
    ("united states of america", "US"), ("Estados Unidos", "US"), ("Brasil", "BR"),
    ("Brazil", "BR"), ("México", "MX"), ("mexico", "MX"), ("MEX", "MX"), ("Perú", "PE"),
    ("  Chile ", "CL"), ("UK", "GB"), ("The Netherlands", "NL"), ("Côte d’Ivoire", "CI"),
    ("Narnia", ""), ("", ""), ("--", ""),
])
def test_country_code_reads_names_codes_and_aliases(written, code):
    assert country_code(written) == code


def test_place_names_are_compared_without_case_accents_spacing_or_punctuation():
    assert normalise("  Saint-Étienne ") == normalise("saint étienne") == "saint etienne"
    assert normalise("St. Louis") == normalise("st  louis")
    assert normalise("São Paulo") != normalise("Santo Paulo")


def _apply(cohort, city_name, country, region="Maine"):
    application = factories.ApplicationFactory.build(
        cohort=cohort, applicant=factories.UserFactory(), city_name=city_name,
        country=country, region=region)
    return domain.save_draft(application=application, by=application.applicant)


@pytest.mark.django_db
@pytest.mark.parametrize("first, second", [
    (("Eastport", "United States"), ("eastport", "USA")),
    (("Saint-Étienne", "FR"), ("saint etienne", "France")),
    (("St. Louis", "US"), ("ST  LOUIS", "U.S.")),
])
def test_the_same_city_spelled_differently_cannot_apply_twice(first, second):
    cohort = factories.OpenCohortFactory()
    _apply(cohort, *first)
    with pytest.raises(ValidationError) as error:
        _apply(cohort, *second)
    assert "already applied" in error.value.message_dict["city_name"][0]
    assert Application.objects.filter(cohort=cohort).count() == 1


@pytest.mark.django_db
def test_same_name_in_another_country_or_region_is_another_city():
    cohort = factories.OpenCohortFactory()
    _apply(cohort, "Eastport", "US", region="Maine")
    _apply(cohort, "Eastport", "CA", region="Maine")
    _apply(cohort, "Eastport", "US", region="New York")
    assert Application.objects.filter(cohort=cohort).count() == 3


@pytest.mark.django_db
def test_a_draft_stores_the_iso_code_and_refuses_an_unknown_country():
    cohort = factories.OpenCohortFactory()
    assert _apply(cohort, "Recife", "Brasil").country == "BR"
    with pytest.raises(ValidationError) as error:
        _apply(cohort, "Nowhere", "Narnia")
    assert "Narnia" in error.value.message_dict["country"][0]


@pytest.mark.django_db
def test_an_existing_city_is_matched_whatever_the_spelling():
    with scopes_disabled():
        city = factories.CityFactory(name="São Paulo", country="BR", region="SP")
    application = _apply(factories.OpenCohortFactory(), "sao paulo", "Brasil", region="")
    assert application.city == city


@pytest.mark.django_db
def test_the_api_takes_a_code_or_a_name_and_returns_the_code():
    cohort = factories.OpenCohortFactory()
    client = APIClient()
    client.force_authenticate(factories.UserFactory())
    created = client.post("/api/v1/applications/", {
        "cohort": cohort.slug, "city_name": "Apiville", "country": "United States"},
        format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["country"] == "US"
    other = APIClient()
    other.force_authenticate(factories.UserFactory())
    twin = other.post("/api/v1/applications/", {
        "cohort": cohort.slug, "city_name": "APIVILLE", "country": "USA"}, format="json")
    assert twin.status_code == 400 and "already applied" in str(twin.json()["city_name"])
    bad = other.post("/api/v1/applications/", {
        "cohort": cohort.slug, "city_name": "Elsewhere", "country": "Narnia"}, format="json")
    assert bad.status_code == 400 and "Narnia" in str(bad.json()["country"])


@pytest.mark.django_db
def test_the_schema_says_country_is_an_iso_code():
    schema = Client().get("/api/schema/?format=json").json()
    country = schema["components"]["schemas"]["Application"]["properties"]["country"]
    assert "ISO 3166-1 alpha-2" in country["description"] and country["example"] == "US"


@pytest.mark.django_db
def test_the_apply_form_offers_countries_by_name():
    user = factories.UserFactory()
    client = Client()
    client.force_login(user)
    cohort = factories.OpenCohortFactory()
    page = client.get(f"/apply/{cohort.slug}/").content.decode()
    assert '<select name="country"' in page
    assert '<option value="MX">Mexico</option>' in page


# --- the data migration -------------------------------------------------------------------

BEFORE = ("cities", "0004_keep_country_as_written")
AFTER = ("cities", "0006_country_iso_code")


@pytest.mark.django_db(transaction=True)
def test_free_text_countries_migrate_to_codes_and_unmatched_text_is_kept(capsys):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    OldCity = old.get_model("cities", "City")
    OldApplication = old.get_model("cities", "Application")
    written = {"usa": "USA", "brasil": "Brasil", "mexico": "México", "narnia": "Narnia",
               "us": "United States"}
    for slug, country in written.items():
        OldCity.objects.create(name=slug, slug=slug, country=country, time_zone="UTC",
                               monthly_commitment_hours=5)
    cohort, user = factories.OpenCohortFactory(), factories.UserFactory()
    OldApplication.objects.create(cohort_id=cohort.pk, applicant_id=user.pk, city_name="X",
                                  country="Atlantis", team=[])

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    executor.loader.build_graph()
    try:
        # Up to date again (the application's tables moved to ``applications`` later on),
        # so that today's models read the rows.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        with scopes_disabled():
            codes = dict(City.objects.values_list("slug", "country"))
            assert codes == {"usa": "US", "brasil": "BR", "mexico": "MX", "narnia": "",
                             "us": "US"}
            assert City.objects.get(slug="narnia").country_as_written == "Narnia"
            assert City.objects.get(slug="usa").country_as_written == ""
        application = Application.objects.get()
        assert (application.country, application.country_as_written) == ("", "Atlantis")
        report = capsys.readouterr().out
        assert "'Narnia'" in report and "'Atlantis'" in report
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
