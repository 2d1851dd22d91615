import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def panel(db):
    """An open cohort with a two-criterion rubric (weights 3 and 1), three reviewers (two
    outside, one staff) and two applications under review."""
    cohort = factories.OpenCohortFactory(slug="panel-cohort", capacity=1)
    criteria = [factories.CriterionFactory(cohort=cohort, weight=3, name_en="Leadership"),
                factories.CriterionFactory(cohort=cohort, weight=1, name_en="Data team")]
    reviewers = [factories.ReviewerFactory().user, factories.ReviewerFactory().user]
    staff = factories.UserFactory(is_staff=True, email="staffer@example.test")
    applications = [factories.ApplicationFactory(cohort=cohort, state="under_review",
                                                 city_name=name)
                    for name in ("Northport", "Southvale")]
    return type("Panel", (), {"cohort": cohort, "criteria": criteria, "reviewers": reviewers,
                              "staff": staff, "applications": applications})


def client_of(user):
    client = Client()
    client.force_login(user)
    return client
