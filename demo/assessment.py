"""The demo's data-practice assessments (default framework): a baseline for every city of
the demo cohort, answered and mostly verified by its coach, and an end assessment for
Riverton and the peer cities on track, so the impact report has a baseline → end to show.

The demo cohort is in its third month: the baseline's window has closed and the end's has not
opened yet, so the rows are written here directly (as a seed does), not through the pages'
domain functions that keep to the windows. The end assessments are a preview of the cohort's
last month. A city whose assessment already has answers is left as it is (safe to run twice,
and what was clicked in the demo is kept).

So that a demo visitor can try the assessment, Lakeside's baseline (Lakeside has no end
assessment) is kept open around the day of the seed (:data:`OPEN_WINDOW`, moved again at
every seed): its team may still answer and change answers, its coach verify.
"""

import random
from datetime import timedelta

from django.utils import timezone

from assessment.frameworks import current_framework
from assessment.models import Answer, Assessment, Criterion, Kind, Review, Verdict
from assessment.results import refresh_summary
from assessment.windows import window
from coaching.models import CoachAssignment
from cohorts.models import Enrollment
from demo.peers import ON_TRACK, PEERS

# How much of the checklist holds at the baseline (the rest of the cities: 0.35).
STRENGTH = {"riverton": 0.45, "lakeside": 0.3}
END_GAIN = 0.3
# The baseline a demo visitor can still answer: whose, and its window around the seed's day.
OPEN_NOW = "lakeside"
OPEN_WINDOW = (timedelta(days=-7), timedelta(days=21))
QUESTION = ("The inventory you linked lists 12 datasets; the criterion asks for every "
            "department's key data. Can you add the ones from public works and finance?")


def _answer(assessment, criteria, strength, seed, coach):
    """Answer every item (holds with a chance of ``strength`` growing along the list) and
    let the coach verify what is met, question one, and leave one waiting."""
    rng = random.Random(seed)  # noqa: S311 - demo data, the same at every run
    answers, reviews, questioned, waiting = [], [], False, False
    for criterion in criteria:
        items = list(criterion.items.all())
        holding = 0
        for item in items:
            holds = rng.random() < strength
            holding += holds
            answers.append(Answer(
                assessment=assessment, item=item, holds=holds,
                note="Confirmed with the department heads." if holds else "",
                link="https://data.example.org/evidence" if holds and rng.random() < 0.4
                else ""))
        if holding < criterion.needs:
            continue
        if not waiting and rng.random() < 0.15:
            waiting = True  # enough items hold; the coach has not looked yet
            continue
        verdict = Verdict.VERIFIED
        if not questioned and rng.random() < 0.2:
            verdict, questioned = Verdict.QUESTIONED, True
        reviews.append(Review(assessment=assessment, criterion=criterion, verdict=verdict,
                              comment=QUESTION if verdict == Verdict.QUESTIONED else "",
                              reviewer=coach))
    Answer.objects.bulk_create(answers)
    Review.objects.bulk_create(reviews)


def _assessment(enrollment, kind, framework):
    opens_on, closes_on = window(enrollment.cohort, kind)
    assessment, _ = Assessment.objects.get_or_create(
        enrollment=enrollment, kind=kind,
        defaults={"city": enrollment.city, "framework": framework, "opens_on": opens_on,
                  "closes_on": closes_on})
    if enrollment.city.slug == OPEN_NOW and kind == Kind.BASELINE:
        today = timezone.localdate()
        assessment.opens_on, assessment.closes_on = (today + shift for shift in OPEN_WINDOW)
        assessment.save(update_fields=["opens_on", "closes_on"])
    return assessment


def seed(demo):
    framework = current_framework()
    if framework is None:
        return
    criteria = list(Criterion.objects.filter(area__framework=framework)
                    .order_by("area__order", "order").prefetch_related("items"))
    enrollments = list(Enrollment.objects.filter(cohort=demo["cohort"])
                       .select_related("city", "cohort").order_by("pk"))
    # The primary coach comes last, so it is the one kept.
    coaches = {a.enrollment_id: a.coach for a in CoachAssignment.objects.filter(
        enrollment__in=enrollments).select_related("coach").order_by("is_primary", "-pk")}
    with_end = {"riverton", *[slug for slug, peer in PEERS.items()
                              if peer["progress"] == ON_TRACK]}
    demo["assessments"] = {}
    for enrollment in enrollments:
        slug = enrollment.city.slug
        strength = STRENGTH.get(slug, 0.35)
        kinds = [Kind.BASELINE] + ([Kind.END] if slug in with_end else [])
        for kind in kinds:
            assessment = _assessment(enrollment, kind, framework)
            demo["assessments"][(slug, kind)] = assessment
            if assessment.answers.exists():
                continue
            _answer(assessment, criteria,
                    strength + (END_GAIN if kind == Kind.END else 0), f"{slug}:{kind}",
                    coaches.get(enrollment.pk))
            refresh_summary(assessment)
