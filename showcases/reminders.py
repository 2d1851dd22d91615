"""Reminder source: a showcase round's submission deadline is coming (rules are data:
``ReminderRule(kind="showcase_deadline", offset=…, audience=…)``)."""

from datetime import timedelta

from django.urls import reverse

from cohorts.models import Enrollment
from notifications.audiences import audience_of
from notifications.models import Audience, ReminderKind
from notifications.reminders import DueReminder, register_reminder_source
from showcases.models import Showcase, ShowcaseRound, State


@register_reminder_source(
    ReminderKind.SHOWCASE_DEADLINE, event="showcase.deadline", category="showcases",
    stale_after=timedelta(days=1),
)
def showcase_deadlines(*, rule, now, since):
    """Remind each enrolled city that has not yet submitted a showcase to the round,
    ``offset`` before the round's deadline. With the default audience the senior team is
    reminded. Moving the deadline re-arms the reminder."""
    rounds = list(ShowcaseRound.objects.filter(
        submission_deadline__gt=now,
        submission_deadline__gte=since + rule.offset,
        submission_deadline__lte=now + rule.offset,
    ))
    if not rounds:
        return
    done = set(
        Showcase.objects.filter(round__in=rounds).exclude(state=State.DRAFT)
        .values_list("round_id", "city_id")
    )
    enrollments = Enrollment.objects.filter(
        cohort_id__in={r.cohort_id for r in rounds}
    ).select_related("city")
    audience = Audience.SENIOR_TEAM if rule.audience == Audience.DEFAULT else rule.audience
    people = {}
    for round_ in rounds:
        for enrollment in enrollments:
            city = enrollment.city
            if enrollment.cohort_id != round_.cohort_id or (round_.pk, city.pk) in done:
                continue
            if city.pk not in people:
                people[city.pk] = audience_of(city=city, audience=audience)
            for person in people[city.pk]:
                yield DueReminder(
                    about=round_, recipient=person,
                    occurrence=f"{city.pk}:{round_.submission_deadline.isoformat()}",
                    due_at=round_.submission_deadline - rule.offset,
                    context={"round": round_, "city": city,
                             "link": reverse("showcases:list", kwargs={"city": city.slug})},
                )
