"""The pages people see: answering from the portal, the session page's link, the host's
view without names when the program chose anonymity, and staff's figures equal to the
rows."""

import datetime

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from feedback.answers import give_feedback
from feedback.asking import ask_for_feedback
from feedback.figures import RATINGS, by_kind, figures_by_session
from feedback.models import ProgramFeedbackSettings, SessionFeedback
from tests.feedback.conftest import attend, past_session


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_attendee_answers_on_the_page_and_finds_it_among_their_answers(fb):
    client = client_of(fb.cdo)
    page = client.get(f"/c/alpha/feedback/{fb.workshop.pk}/")
    assert "How would you rate this session?" in page.content.decode()
    response = client.post(f"/c/alpha/feedback/{fb.workshop.pk}/", {
        "rating": "5", "most_useful": "Peer examples", "to_change": ""}, follow=True)
    body = response.content.decode()
    assert "your feedback is saved" in body
    assert "5 of 5" in body and "Data governance basics" in body
    with scopes_disabled():
        assert SessionFeedback.objects.get(user=fb.cdo).most_useful == "Peer examples"


def test_the_page_refuses_someone_who_did_not_attend_with_the_reason(fb):
    client = client_of(fb.mayor)
    page = client.get(f"/c/alpha/feedback/{fb.workshop.pk}/").content.decode()
    assert "only on sessions you attended" in page
    assert "<form" not in page.split("<main", 1)[1].split("</main>")[0]
    response = client.post(f"/c/alpha/feedback/{fb.workshop.pk}/", {"rating": "5"})
    assert response.status_code == 400
    assert "only on sessions you attended" in response.content.decode()
    with scopes_disabled():
        assert not SessionFeedback.objects.exists()


def test_a_missing_rating_is_shown_at_the_field_and_saves_nothing(fb):
    response = client_of(fb.cdo).post(f"/c/alpha/feedback/{fb.workshop.pk}/",
                                      {"most_useful": "Kept as typed"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body and "Choose a rating" in body
    assert "Kept as typed" in body
    with scopes_disabled():
        assert not SessionFeedback.objects.exists()


def test_the_session_page_links_to_the_feedback_for_an_attendee_only(fb):
    url = f"/c/alpha/schedule/{fb.workshop.pk}/"
    assert "Rate this session" in client_of(fb.cdo).get(url).content.decode()
    assert "Rate this session" not in client_of(fb.mayor).get(url).content.decode()
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=3)
    assert "Change my feedback" in client_of(fb.cdo).get(url).content.decode()


@pytest.fixture
def answered(fb):
    fb.workshop.host = fb.coach
    fb.workshop.save()
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=2,
                  to_change="Too much theory")
    give_feedback(session=fb.workshop, user=fb.other_cdo, city=fb.other, rating=5,
                  most_useful="The case study")
    return fb


def test_the_host_reads_names_unless_the_program_chose_anonymity(answered):
    fb = answered
    url = f"/staff/cohorts/fb-cohort/feedback/{fb.workshop.pk}/"
    named = client_of(fb.coach).get(url).content.decode()
    assert "Too much theory" in named and "Cora Data" in named and "Otto Other" in named
    ProgramFeedbackSettings.objects.create(program=fb.program, anonymous_to_host=True)
    anonymous = client_of(fb.coach).get(url).content.decode().split('id="comments-heading"')[1]
    assert "Too much theory" in anonymous and "The case study" in anonymous
    for hidden in ("Cora Data", "Otto Other", "Alpha", "Beta"):
        assert hidden not in anonymous
    staff = client_of(fb.staff).get(url).content.decode()
    assert "Cora Data" in staff  # staff run the program: they see who wrote what


def test_someone_else_than_staff_or_the_host_cannot_read_it(answered):
    url = f"/staff/cohorts/fb-cohort/feedback/{answered.workshop.pk}/"
    assert client_of(answered.cdo).get(url).status_code == 403


def test_the_person_is_told_whether_the_host_sees_their_name(fb):
    url = f"/c/alpha/feedback/{fb.workshop.pk}/"
    assert "with your name" in client_of(fb.cdo).get(url).content.decode()
    ProgramFeedbackSettings.objects.create(program=fb.program, anonymous_to_host=True)
    assert "without your name" in client_of(fb.cdo).get(url).content.decode()


def test_staff_figures_equal_the_rows(fb):
    keynote = past_session(fb.cohort, days_ago=2, kind="keynote", title="Why data")
    for user, city in ((fb.cdo, fb.city), (fb.mayor, fb.city), (fb.other_cdo, fb.other)):
        attend(keynote, user, city)
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=4)
    give_feedback(session=fb.workshop, user=fb.policy, city=fb.city, rating=2)
    give_feedback(session=keynote, user=fb.mayor, city=fb.city, rating=5)
    ask_for_feedback(now=fb.workshop.ends_at + datetime.timedelta(hours=1))

    per_session = figures_by_session(cohort=fb.cohort)
    kinds, total = by_kind([fb.workshop, keynote], per_session)
    with scopes_disabled():
        feedback = list(SessionFeedback.objects.all())
    assert total.asked == len(feedback) == 6
    assert total.answered == len([f for f in feedback if f.rating]) == 3
    assert total.by_rating == {r: len([f for f in feedback if f.rating == r]) for r in RATINGS}
    by_label = {label: (n, figures) for label, n, figures in kinds}
    assert by_label["Workshop"][1].answered == 2 and by_label["Workshop"][1].average == 3
    assert by_label["Keynote"][1].asked == 3 and by_label["Keynote"][1].answered == 1

    page = client_of(fb.staff).get("/staff/cohorts/fb-cohort/feedback/").content.decode()
    assert "Why data" in page and "Data governance basics" in page
    workshop_row = page.split("Data governance basics</a>")[1].split("</tr>")[0]
    cells = [c.split("<")[0] for c in workshop_row.split("<td>")[3:]]  # after kind, date
    # asked, answered (rate), average, then the count of each rating 1 to 5
    assert cells[0] == "3" and cells[1].startswith("2") and cells[2] == "3.0"
    assert cells[3:] == ["0", "1", "0", "1", "0"]
