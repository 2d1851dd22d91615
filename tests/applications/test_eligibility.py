"""The five eligibility rules at their boundaries, through the domain and the public API."""

from decimal import Decimal

import pytest

from applications.eligibility import check_eligibility, is_eligible
from tests import factories


def _check(rule, **answers):
    values = dict(population=150_000, has_cdo=True, monthly_commitment_hours=5,
                  mayor_commits_to_convening=True, team_size=3)
    values.update(answers)
    checks = {c.rule: c for c in check_eligibility(**values)}
    return checks[rule]


@pytest.mark.parametrize("population, passed", [(100_000, False), (100_001, True),
                                                (None, False), (99_999, False)])
def test_population_must_be_strictly_more_than_100000(population, passed):
    check = _check("population", population=population)
    assert check.passed is passed
    assert "100,000" in check.message


@pytest.mark.parametrize("hours, passed", [(Decimal("4.5"), False), (5, True), ("5.0", True),
                                           (None, False)])
def test_at_least_five_hours_a_month(hours, passed):
    check = _check("commitment", monthly_commitment_hours=hours)
    assert check.passed is passed
    assert "5" in check.message


@pytest.mark.parametrize("size, passed", [(2, False), (3, True), (4, True), (5, False)])
def test_team_of_three_to_four(size, passed):
    check = _check("team", team_size=size)
    assert check.passed is passed
    if not passed:
        assert "3 to 4" in check.message and str(size) in check.message


def test_missing_cdo_is_refused_with_the_rule_named():
    check = _check("cdo", has_cdo=False)
    assert not check.passed
    assert "chief data officer" in check.message


def test_mayor_must_commit_personally():
    check = _check("convening", mayor_commits_to_convening=False)
    assert not check.passed
    assert "personally" in check.message


def test_each_rule_is_judged_on_its_own():
    checks = check_eligibility(population=100_000, has_cdo=False, monthly_commitment_hours=4,
                               mayor_commits_to_convening=True, team_size=3)
    assert [c.passed for c in checks] == [False, False, False, True, True]
    assert not is_eligible(checks)


@pytest.mark.django_db
def test_thresholds_are_settings_of_the_cohort():
    cohort = factories.OpenCohortFactory(min_population=50_000, min_monthly_hours=8,
                                         max_team_size=5)
    checks = {c.rule: c.passed for c in check_eligibility(
        population=60_000, has_cdo=True, monthly_commitment_hours=5, team_size=5,
        mayor_commits_to_convening=True, cohort=cohort)}
    assert checks == {"population": True, "cdo": True, "commitment": False,
                      "convening": True, "team": True}


@pytest.mark.django_db
class TestEligibilityAPI:
    url = "/api/v1/eligibility/"

    def test_anonymous_caller_gets_the_three_checks(self, client):
        response = client.post(self.url, {"population": 100_000, "has_cdo": True,
                                          "monthly_commitment_hours": "4.5"},
                               content_type="application/json")
        assert response.status_code == 200
        body = response.json()
        assert body["eligible"] is False
        assert [(c["rule"], c["passed"]) for c in body["checks"]] == [
            ("population", False), ("cdo", True), ("commitment", False)]
        assert all(c["message"] for c in body["checks"])

    def test_eligible_answers(self, client):
        response = client.post(self.url, {"population": 100_001, "has_cdo": True,
                                          "monthly_commitment_hours": 5},
                               content_type="application/json")
        assert response.json()["eligible"] is True

    def test_bad_input_is_a_message_per_field(self, client):
        response = client.post(self.url, {"population": "many", "has_cdo": True},
                               content_type="application/json")
        assert response.status_code == 400
        body = response.json()
        assert "population" in str(body) and "monthly_commitment_hours" in str(body)

    def test_has_its_own_throttle(self, client, settings):
        from django.core.cache import cache

        from applications.api import EligibilityView
        assert EligibilityView.throttle_scope == "eligibility"
        cache.clear()
        rates = dict(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], eligibility="2/minute")
        from rest_framework.throttling import ScopedRateThrottle
        old = ScopedRateThrottle.THROTTLE_RATES
        ScopedRateThrottle.THROTTLE_RATES = rates
        try:
            codes = [client.post(self.url, {"population": 1, "has_cdo": True,
                                            "monthly_commitment_hours": 1},
                                 content_type="application/json").status_code
                     for _ in range(3)]
        finally:
            ScopedRateThrottle.THROTTLE_RATES = old
            cache.clear()
        assert codes == [200, 200, 429]
