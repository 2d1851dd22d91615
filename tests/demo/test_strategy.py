"""The demo's strategies, safe to seed twice."""

from django.core.management import call_command
from django_scopes import scopes_disabled

from strategy.models import Initiative, Metric, Strategy, StrategyState


def test_seeding_twice_gives_riverton_in_review_and_lakeside_drafting(db):
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        riverton = Strategy.objects.get(city__slug="riverton")
        lakeside = Strategy.objects.get(city__slug="lakeside")
        assert riverton.state == StrategyState.IN_REVIEW
        assert riverton.versions.count() == 1
        initiatives = Initiative.objects.filter(component__strategy=riverton)
        assert set(initiatives.values_list("year", flat=True)) == {1, 2, 3}
        assert initiatives.count() == 8
        assert Metric.objects.filter(component__strategy=riverton).count() == 2
        governance = riverton.components.get(key="governance")
        assert governance.current_maturity and governance.goals and governance.target_state
        assert lakeside.state == StrategyState.DRAFTING and lakeside.vision
        assert Strategy.objects.filter(city__slug__in=["riverton", "lakeside"]).count() == 2
