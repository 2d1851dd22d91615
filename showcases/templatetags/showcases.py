from django import template

from showcases.scheduling import slots_for_session

register = template.Library()


@register.simple_tag
def session_slots(session):
    """``{% session_slots session as slots %}``: the showcases a session will present."""
    return slots_for_session(session)
