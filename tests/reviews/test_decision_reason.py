"""The reason of a decision reaches the applicant only when staff share it: for every
outcome of the meeting (``reviews.models.Outcome``), a shared reason is quoted in the
decision mail (text and HTML) and the decision records that it was shared; an unshared
reason stays with the program team."""

import pytest

from notifications.models import EmailOutbox
from reviews.decisions import STEPS
from reviews.models import Decision, Outcome
from tests.reviews.conftest import client_of

EVENTS = {Outcome.ACCEPT: "application.accepted", Outcome.WAITLIST: "application.waitlisted",
          Outcome.DECLINE: "application.declined"}


def test_every_outcome_has_its_mail():
    assert set(EVENTS) == set(Outcome.values) == set(STEPS)


@pytest.mark.parametrize("outcome", Outcome.values)
@pytest.mark.parametrize("shared", [True, False])
def test_a_shared_reason_is_in_the_decision_mail(panel, outcome, shared):
    panel.cohort.capacity = 10
    panel.cohort.save()
    north = panel.applications[0]
    reason = "Your data team plan was strong; the letter <b>lacked</b> a budget."
    form = {"applications": [north.pk], "outcome": outcome, "reason": reason}
    response = client_of(panel.staff).post(f"/staff/cohorts/{panel.cohort.slug}/review/",
                                           form | ({"share_reason": "on"} if shared else {}))
    assert response.status_code == 302
    decision = Decision.objects.get(application=north)
    assert decision.reason == reason and decision.reason_shared is shared
    mail = EmailOutbox.objects.get(to=north.applicant.email, record__event=EVENTS[outcome])
    if shared:
        assert reason in mail.body_text
        assert "the letter &lt;b&gt;lacked&lt;/b&gt; a budget." in mail.body_html
        assert "A word from the program team:" in mail.body_text
    else:
        assert "budget" not in mail.body_text and "budget" not in mail.body_html
        assert "A word from the program team" not in mail.body_text
