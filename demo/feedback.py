"""Feedback on the demo cohort's past sessions: Riverton's and Lakeside's people rated most
sessions they attended, in their own words and languages (English in Riverton, Spanish in
Lakeside); some answers are missing, so response rates are not all 100%. The program keeps
feedback anonymous to hosts. Sessions that ended in the last 7 days are asked for the usual
way (``ask_for_feedback``), so the demo has feedback waiting. Safe to run twice: one row per
person and session, updated in place.
"""

from datetime import timedelta

from django.utils import timezone

from feedback.asking import ask_for_feedback
from feedback.models import ProgramFeedbackSettings, SessionFeedback
from schedule.models import Attendance

# (rating, most useful, to change) — people's own words, by city.
WORDS = {
    "riverton": [
        (5, "Seeing how another city ran its first stat meeting; we copied the agenda.",
         ""),
        (4, "The data inventory template saved us weeks.",
         "Leave more time for questions at the end."),
        (4, "Working through our own datasets with the coach in the room.", ""),
        (3, "The examples were good.",
         "Too much theory in the first hour; start with a city's story."),
        (5, "Clear, practical, and short enough for the mayor's chief of staff to join.", ""),
        (2, "", "The video link changed the morning of the session and half of us missed "
                "the start."),
    ],
    "lakeside": [
        (5, "Los ejemplos de otras ciudades de la región fueron muy útiles.", ""),
        (4, "La plantilla de gobernanza de datos; ya la adaptamos al municipio.",
         "Nos gustaría tener los materiales en español antes de la sesión."),
        (3, "", "El horario es difícil para nosotros: empieza a la hora de la comida."),
        (4, "Poder preguntar directamente al equipo del programa.",
         "Más tiempo para trabajar en grupos pequeños."),
    ],
}


def seed(demo):
    """Demo feedback on past sessions of the demo cohort (see the module docstring)."""
    cohort = demo["cohort"]
    ProgramFeedbackSettings.objects.update_or_create(
        program_id=cohort.program_id, defaults={"anonymous_to_host": True})
    now = timezone.now()
    attended = (Attendance.objects.filter(
        session__cohort=cohort, session__ends_at__lte=now - timedelta(days=7),
        city__slug__in=WORDS).select_related("session", "city", "user")
        .order_by("session__starts_at", "session_id", "user__email"))
    for n, attendance in enumerate(attended):
        session = attendance.session
        asked_at = session.ends_at + timedelta(minutes=15)
        answers = WORDS[attendance.city.slug]
        if n % 5 == 4:  # asked, never answered
            answer = {"rating": None, "most_useful": "", "to_change": "", "answered_at": None}
        else:
            rating, useful, change = answers[n % len(answers)]
            answer = {"rating": rating, "most_useful": useful, "to_change": change,
                      "answered_at": asked_at + timedelta(hours=2 + n % 30)}
        SessionFeedback.objects.update_or_create(
            session=session, user=attendance.user,
            defaults={"city": attendance.city, "asked_at": asked_at, **answer})
    ask_for_feedback(now=now)
