"""The five eligibility rules, each judged on its own with a plain-language message.

The thresholds are settings of the cohort (``cohorts.Cohort.min_population`` …) and default
to the program's: population strictly greater than 100,000; a chief data officer (or similar)
in place; at least 5 hours a month of training; the mayor at the in-person convening in
person; a senior team of 3 to 4 people.
"""

from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

POPULATION, CDO, COMMITMENT, CONVENING, TEAM = (
    "population", "cdo", "commitment", "convening", "team"
)
RULE_LABELS = {
    POPULATION: gettext_lazy("Population"),
    CDO: gettext_lazy("Chief data officer"),
    COMMITMENT: gettext_lazy("Monthly training commitment"),
    CONVENING: gettext_lazy("Mayor at the convening"),
    TEAM: gettext_lazy("Senior team"),
}
# Where each rule's message belongs on the application form.
RULE_FIELDS = {
    POPULATION: "population", CDO: "has_cdo", COMMITMENT: "monthly_commitment_hours",
    CONVENING: "mayor_commits_to_convening", TEAM: "team",
}


@dataclass(frozen=True)
class Thresholds:
    min_population: int = 100_000
    min_monthly_hours: Decimal = Decimal(5)
    min_team_size: int = 3
    max_team_size: int = 4

    @classmethod
    def of(cls, cohort):
        if cohort is None:
            return cls()
        return cls(
            min_population=cohort.min_population,
            min_monthly_hours=Decimal(cohort.min_monthly_hours),
            min_team_size=cohort.min_team_size,
            max_team_size=cohort.max_team_size,
        )


@dataclass(frozen=True)
class Check:
    rule: str
    passed: bool
    message: str

    @property
    def label(self):
        return RULE_LABELS[self.rule]

    @property
    def field(self):
        return RULE_FIELDS[self.rule]

    def as_dict(self):
        return asdict(self)


def _hours(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _fmt(number):
    return number_format(number, force_grouping=True)


def _population(population, t):
    limit = _fmt(t.min_population)
    if population is None:
        return Check(POPULATION, False, _(
            "Tell us the city's population: it must be more than %(limit)s."
        ) % {"limit": limit})
    if population > t.min_population:
        return Check(POPULATION, True, _(
            "A population of %(population)s is more than %(limit)s."
        ) % {"population": _fmt(population), "limit": limit})
    return Check(POPULATION, False, _(
        "The population must be more than %(limit)s; %(population)s is not."
    ) % {"population": _fmt(population), "limit": limit})


def _cdo(has_cdo):
    if has_cdo:
        return Check(CDO, True, _("The city has a chief data officer or similar role."))
    return Check(CDO, False, _(
        "The city needs a chief data officer or a person in a similar role to take part."
    ))


def _commitment(hours, t):
    hours = _hours(hours)
    minimum = _fmt(t.min_monthly_hours.normalize())
    if hours is None:
        return Check(COMMITMENT, False, _(
            "Tell us how many hours a month the team will train: at least %(minimum)s."
        ) % {"minimum": minimum})
    if hours >= t.min_monthly_hours:
        return Check(COMMITMENT, True, _(
            "%(hours)s hours a month meets the minimum of %(minimum)s."
        ) % {"hours": _fmt(hours.normalize()), "minimum": minimum})
    return Check(COMMITMENT, False, _(
        "The team must commit to at least %(minimum)s hours of training a month; "
        "%(hours)s is not enough."
    ) % {"hours": _fmt(hours.normalize()), "minimum": minimum})


def _convening(commits):
    if commits:
        return Check(CONVENING, True, _(
            "The mayor will attend the in-person convening personally."
        ))
    return Check(CONVENING, False, _(
        "The mayor must commit to attend the in-person convening personally "
        "(no one can attend in the mayor's place)."
    ))


def _team(size, t):
    if t.min_team_size <= size <= t.max_team_size:
        return Check(TEAM, True, _("A senior team of %(size)s people.") % {"size": size})
    return Check(TEAM, False, _(
        "Propose a senior team of %(min)s to %(max)s people; you proposed %(size)s."
    ) % {"min": t.min_team_size, "max": t.max_team_size, "size": size})


def check_eligibility(*, population, has_cdo, monthly_commitment_hours,
                      mayor_commits_to_convening=None, team_size=None, cohort=None):
    """Judge every rule on its own and return the list of :class:`Check`.

    The mayor's and the team's rules are judged only when given (the public eligibility
    API asks about the first three).
    """
    t = Thresholds.of(cohort)
    checks = [
        _population(population, t), _cdo(has_cdo), _commitment(monthly_commitment_hours, t)
    ]
    if mayor_commits_to_convening is not None:
        checks.append(_convening(mayor_commits_to_convening))
    if team_size is not None:
        checks.append(_team(team_size, t))
    return checks


def check_application(*, application):
    """All five rules for an application (saved or not)."""
    return check_eligibility(
        population=application.population,
        has_cdo=application.has_cdo,
        monthly_commitment_hours=application.monthly_commitment_hours,
        mayor_commits_to_convening=application.mayor_commits_to_convening,
        team_size=len(application.team or []),
        cohort=application.cohort,
    )


def is_eligible(checks):
    return all(check.passed for check in checks)
