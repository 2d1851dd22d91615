"""The admin's busiest lists rendered afresh (common/admin_lists.py): a constant, small number
of queries whatever the number of rows, one count of an unfiltered list, and the same page as
Django's own rendering."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin

from applications.models import Application
from caching.data_versions import ALL
from caching.versioned_cache import bump
from coaching.models import CheckIn
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


def afresh(client, url):
    """``url`` as the first visit after a change: rendered, not served by the page cache."""
    client.get(url)
    bump(ALL)
    return url


@pytest.mark.parametrize("rows", [3, 60])
def test_the_check_in_list_rendered_afresh_costs_the_same_at_two_sizes(
        rows, staff_client, no_scope, django_assert_num_queries):
    for _ in range(rows):
        factories.CheckInFactory()
    url = afresh(staff_client, "/admin/coaching/checkin/")
    # session, user, the cohorts of the cohort filter, one count, the page of check-ins
    # (with their cities and coaches), and the request's savepoint and its release.
    with django_assert_num_queries(7):
        response = staff_client.get(url)
    assert response.content.decode().count('name="_selected_action"') == min(rows, 50)


@pytest.mark.parametrize("rows", [3, 60])
def test_the_application_list_rendered_afresh_costs_the_same_at_two_sizes(
        rows, staff_client, no_scope, django_assert_num_queries):
    cohort = factories.OpenCohortFactory()
    for _ in range(rows):
        factories.ApplicationFactory(cohort=cohort)
    url = afresh(staff_client, "/admin/cities/application/")
    with django_assert_num_queries(8):
        response = staff_client.get(url)
    assert response.content.decode().count('name="_selected_action"') == min(rows, 50)


def test_an_unfiltered_list_counts_once_and_a_filtered_one_shows_both_counts(
        staff_client, no_scope, django_assert_num_queries):
    cohort = factories.OpenCohortFactory()
    factories.ApplicationFactory(cohort=cohort, eligible=True)
    factories.ApplicationFactory(cohort=cohort, eligible=False)
    factories.ApplicationFactory(cohort=cohort, eligible=False)
    whole = staff_client.get("/admin/cities/application/")
    assert (whole.context["cl"].result_count, whole.context["cl"].full_result_count) == (3, 3)
    narrowed = staff_client.get("/admin/cities/application/?eligible=no")
    assert (narrowed.context["cl"].result_count,
            narrowed.context["cl"].full_result_count) == (2, 3)
    assert "2 results" in narrowed.content.decode()
    assert "3 total" in narrowed.content.decode()
    first = whole.context["cl"].result_list[0].city_name
    searched = staff_client.get(f"/admin/cities/application/?q={first}")
    assert searched.context["cl"].full_result_count == 3


def test_the_row_checkbox_is_djangos_own(no_scope):
    checkin = factories.CheckInFactory()
    model_admin = admin.site._registry[CheckIn]
    assert model_admin.action_checkbox(checkin) == ModelAdmin.action_checkbox(
        model_admin, checkin)
    application = factories.ApplicationFactory(city_name='O\'Brien & <Sons>')
    model_admin = admin.site._registry[Application]
    assert model_admin.action_checkbox(application) == ModelAdmin.action_checkbox(
        model_admin, application)


def test_the_country_column_shows_the_countrys_name_and_sorts_by_it(staff_client, no_scope):
    cohort = factories.OpenCohortFactory()
    factories.ApplicationFactory(cohort=cohort, country="CA", city_name="Maple")
    factories.ApplicationFactory(cohort=cohort, country="BR", city_name="Ipe")
    page = staff_client.get("/admin/cities/application/").content.decode()
    assert ">Canada</td>" in page and ">Brazil</td>" in page
    header = page.split('column-country_name')[1].split("</th>")[0]
    assert "Country" in header
    ordered = staff_client.get("/admin/cities/application/?o=2").content.decode()
    assert ordered.index(">Brazil</td>") < ordered.index(">Canada</td>")
