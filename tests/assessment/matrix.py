"""Matrix cases of the assessment pages and API (see tests/tenancy.py)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from assessment.frameworks import load_framework
from assessment.models import Answer, Assessment, Framework, Item, Kind
from assessment.windows import open_assessment
from tests.assessment.samples import small_framework
from tests.tenancy import Case, expect_city_api, expect_city_page

P = "c/<slug:city>/assessment/"
API = "api/v1/cities/<slug:city>/^assessment/"
TEAM_ONLY = {"mayor_a": 403, "coach_a": 403, "staff": 403}
COACH_ONLY = {"mayor_a": 403, "member_a": 403}


def setup(world):
    """City A's baseline, open today, with one answer carrying a file."""
    if "assessment" in world.extra:
        return
    framework = Framework.objects.filter(key="test-practice").first() or load_framework(
        small_framework())
    assessment = open_assessment(enrollment=world.enrollment, kind=Kind.BASELINE,
                                 framework=framework)
    today = timezone.localdate()
    Assessment.objects.filter(pk=assessment.pk).update(
        opens_on=today - datetime.timedelta(days=3), closes_on=today + datetime.timedelta(days=20))
    item = Item.objects.get(key="dm-inventory-list", criterion__area__framework=framework)
    answer = Answer(assessment=assessment, item=item, holds=True, original_name="list.csv",
                    content_type="text/csv", size=4)
    answer.file.save("evidence.csv", ContentFile(b"a,b\n"), save=True)
    world.extra.update(assessment=assessment.pk, answer=answer.pk)


def page(path=""):
    return lambda w: f"/c/{w.city.slug}/assessment/{path}"




def _answers(world):
    item = Item.objects.filter(key="od-policy-adopted").order_by("-pk").first()
    return {f"item-{item.pk}-holds": "yes", f"item-{item.pk}-note": "Adopted in May"}


CASES = [
    Case(P, page(), expect_city_page(), setup=setup),
    Case(P + "<slug:kind>/", page("baseline/"), expect_city_page(), setup=setup),
    Case(P + "<slug:kind>/<slug:criterion>/", page("baseline/od-policy/"), expect_city_page(),
         setup=setup),
    Case(P + "<slug:kind>/<slug:criterion>/", page("baseline/od-policy/"),
         expect_city_page(302, **TEAM_ONLY), setup=setup, method="post", data=_answers),
    Case(P + "<slug:kind>/<slug:criterion>/review/", page("baseline/od-policy/review/"),
         expect_city_page(302, **COACH_ONLY), setup=setup, method="post",
         data={"review-verdict": "verified"}),
    Case(P + "<slug:kind>/<slug:criterion>/initiative/", page("baseline/od-policy/initiative/"),
         expect_city_page(302, **TEAM_ONLY), setup=setup, method="post"),
    Case(P + "<slug:kind>/files/<int:answer_id>/",
         lambda w: f"/c/{w.city.slug}/assessment/baseline/files/{w.extra['answer']}/",
         expect_city_page(), setup=setup),
    Case(API + "$", lambda w: f"/api/v1/cities/{w.city.slug}/assessment/", expect_city_api(),
         setup=setup, api=True),
    Case(API + "(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/assessment/{w.extra['assessment']}/",
         expect_city_api(), setup=setup, api=True),
]
