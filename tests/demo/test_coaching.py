"""The demo's coaching part: safe to run twice, and what the design promises."""

from django.core.management import call_command
from django_scopes import scopes_disabled

from coaching.models import ActionItem, CheckIn, CoachAssignment, MayorRequest


def test_the_demo_coaching_is_complete_and_stable(db):
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        first = (CheckIn.objects.count(), ActionItem.objects.count(),
                 MayorRequest.objects.count())
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        assert (CheckIn.objects.count(), ActionItem.objects.count(),
                MayorRequest.objects.count()) == first
        coached = {
            a.enrollment.city.slug: a.coach.email
            for a in CoachAssignment.objects.select_related("coach", "enrollment__city")
        }
        assert coached["riverton"] == "coach@demo.test"
        assert coached["lakeside"] == "coach2@demo.test"
        assert list(coached.values()).count("coach@demo.test") == 1  # Riverton only
        riverton = CheckIn.objects.filter(city__slug="riverton")
        assert riverton.count() >= 3 and all(c.private_notes for c in riverton)
        assert CheckIn.objects.filter(city__slug="lakeside").exists()
        open_items = ActionItem.objects.filter(city__slug="riverton", status="open")
        assert any(i.due_on < i.created_at.date() for i in open_items)  # one is overdue
        assert list(MayorRequest.objects.filter(answered_at__isnull=True).values_list(
            "city__slug", flat=True)) == ["riverton"]
