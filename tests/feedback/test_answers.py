"""Giving feedback: only for sessions one attended, once per person and session, editable
for 7 days after the session, then refused; bad input changes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from feedback.answers import give_feedback
from feedback.models import SessionFeedback
from tests.feedback.conftest import attend, past_session


def rows():
    with scopes_disabled():
        return list(SessionFeedback.objects.values_list("user_id", "session_id", "rating"))


def test_an_attendee_rates_a_session(fb):
    feedback = give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=4,
                             most_useful="The maturity rubric.", to_change="More time.")
    assert (feedback.rating, feedback.most_useful, feedback.to_change) == (
        4, "The maturity rubric.", "More time.")
    assert rows() == [(fb.cdo.pk, fb.workshop.pk, 4)]


def test_someone_who_did_not_attend_is_refused_with_a_clear_message(fb):
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.mayor, city=fb.city, rating=5)
    assert "only on sessions you attended" in refused.value.message_dict["rating"][0]
    assert rows() == []


def test_attendance_for_another_city_does_not_count(fb):
    """The other city's CDO attended as Beta's: answering as Alpha's is refused."""
    with pytest.raises(ValidationError):
        give_feedback(session=fb.workshop, user=fb.other_cdo, city=fb.city, rating=3)
    assert rows() == []


def test_one_answer_per_person_and_session_a_second_changes_the_first(fb):
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=2, to_change="Shorter")
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=5, most_useful="All")
    with scopes_disabled():
        (only,) = SessionFeedback.objects.all()
    assert (only.rating, only.most_useful, only.to_change) == (5, "All", "")


def test_editable_for_seven_days_after_the_session_then_refused(fb):
    end = fb.workshop.ends_at
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=3,
                  now=end + datetime.timedelta(hours=1))
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=4,
                  now=end + datetime.timedelta(days=6, hours=23))
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=1,
                      now=end + datetime.timedelta(days=7, minutes=1))
    assert "closed" in refused.value.message_dict["rating"][0]
    assert rows() == [(fb.cdo.pk, fb.workshop.pk, 4)]


def test_a_first_answer_after_seven_days_is_refused_too(fb):
    old = past_session(fb.cohort, days_ago=8)
    attend(old, fb.cdo, fb.city)
    with pytest.raises(ValidationError):
        give_feedback(session=old, user=fb.cdo, city=fb.city, rating=4)
    assert rows() == []


def test_feedback_opens_when_the_session_ends(fb):
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=4,
                      now=fb.workshop.ends_at - datetime.timedelta(minutes=5))
    assert "opens when the session ends" in refused.value.message_dict["rating"][0]


@pytest.mark.parametrize("rating", [0, 6, None, "five", -1])
def test_a_rating_outside_one_to_five_is_refused_and_changes_nothing(fb, rating):
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=3)
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=rating)
    assert "from 1" in refused.value.message_dict["rating"][0]
    assert rows() == [(fb.cdo.pk, fb.workshop.pk, 3)]


def test_a_comment_too_long_is_refused_at_its_field(fb):
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=3,
                      to_change="x" * 2001)
    assert set(refused.value.message_dict) == {"to_change"}
    assert rows() == []


def test_a_cancelled_session_takes_no_feedback(fb):
    fb.workshop.is_cancelled = True
    fb.workshop.save()
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=3)
    assert "cancelled" in refused.value.message_dict["rating"][0]
