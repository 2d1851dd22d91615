from django.core.management import call_command
from django_scopes import scopes_disabled

from showcases.library import search_library
from showcases.models import Evidence, Showcase


def test_the_demo_has_showcases_in_several_states_and_is_safe_to_run_twice(db):
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        states = set(Showcase.objects.values_list("city__slug", "state"))
        assert {("riverton", "presented"), ("riverton", "feedback_given"),
                ("riverton", "draft"), ("lakeside", "accepted"),
                ("lakeside", "submitted")} <= states
        assert Showcase.objects.count() == 5
        assert [s.title for s in search_library()] == ["311 response-time routine"]
        pdf = Evidence.objects.filter(original_name="311-routine-summary.pdf").get()
        assert pdf.file.read().startswith(b"%PDF-")
        assert Evidence.objects.filter(kind="file").count() == 5
