"""``{% load session_feedback %}``: a session page's feedback part (the schedule's session
page includes ``feedback/_session_feedback.html``, which uses it)."""

from django import template

from cities.doors import allows
from feedback.answers import feedback_item

register = template.Library()


@register.simple_tag
def my_session_feedback(session, city, user):
    """``{% my_session_feedback session city user as item %}``: the person's
    :class:`~feedback.answers.FeedbackItem` for the session, or None when they did not
    attend it (or it has not ended)."""
    if not user.is_authenticated or city is None:
        return None
    return feedback_item(session=session, user=user, city=city)


@register.simple_tag
def reads_session_feedback(session, user):
    """``{% reads_session_feedback session user as ok %}``: staff, or the session's host."""
    return allows("can_read_session_feedback", user, session)
