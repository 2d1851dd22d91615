"""Matrix cases of the year after: the city's page, the focus page, evidence files, the staff
pages and the API (see tests/tenancy.py)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from tests.tenancy import Case, expect_city_api, expect_city_page, expect_signed_in

P = "c/<slug:city>/year-after/"
API = "api/v1/cities/<slug:city>/"
TEAM_WRITES = {"mayor_a": 403, "coach_a": 403, "staff": 403}
COACH_WRITES = {"member_a": 403, "mayor_a": 403}


def _phase(world):
    """City A in its follow-on phase (begun 100 days ago), a strategy with one initiative and
    one metric, and an update with an evidence file."""
    from followon.models import InitiativeUpdate
    from followon.phase import start_follow_on
    from strategy.editing import start_strategy
    from tests import factories

    if "follow_on" in world.extra:
        return
    follow_on = start_follow_on(enrollment=world.enrollment,
                                on=timezone.localdate() - datetime.timedelta(days=100))
    strategy = start_strategy(city=world.city, user=world.users["member_a"])
    plan = strategy.components.get(key="governance")
    initiative = factories.InitiativeFactory(component=plan)
    metric = factories.MetricFactory(component=plan)
    update = InitiativeUpdate(city=world.city, follow_on=follow_on, initiative=initiative,
                              quarter=1, status="in_progress", evidence_name="q1.pdf")
    update.evidence_file.save("alphaville/matrix/q1.pdf", ContentFile(b"%PDF-1.7 q1"),
                              save=False)
    update.save()
    world.extra.update(follow_on=follow_on.pk, followon_initiative=initiative.pk,
                       followon_metric=metric.pk,
                       update=update.pk)


def _metric_update(world):
    """City A's year after with a recorded metric update (the detail an API reads)."""
    from followon.models import FollowOn, MetricUpdate

    _phase(world)
    if "metric_update" not in world.extra:
        world.extra["metric_update"] = MetricUpdate.objects.create(
            city=world.city, follow_on=FollowOn.objects.get(pk=world.extra["follow_on"]),
            metric_id=world.extra["followon_metric"], quarter=1, actual="14",
            recorded_by=world.users["member_a"]).pk


def _page(path=""):
    return lambda w: f"/c/{w.city.slug}/year-after/{path}"


def _quarter_post(world):
    return {"quarter": "1", f"status_{world.extra['followon_initiative']}": "done",
            f"actual_{world.extra['followon_metric']}": "12"}


def _api(path):
    return lambda w: f"/api/v1/cities/{w.city.slug}/year-after/{path}"


CASES = [
    Case(P, _page(), expect_city_page(), setup=_phase),
    Case(P, _page(), expect_city_page(302, **TEAM_WRITES), method="post", setup=_phase,
         data=_quarter_post),
    Case(P + "focus/", _page("focus/"), expect_city_page(200, **COACH_WRITES), setup=_phase),
    Case(P + "focus/", _page("focus/"), expect_city_page(302, **COACH_WRITES), method="post",
         setup=_phase, data={"focus_area": "evaluation"}),
    Case(P + "evidence/<int:pk>/", lambda w: f"/c/{w.city.slug}/year-after/evidence/"
         f"{w.extra['update']}/", expect_city_page(), setup=_phase),
    Case("staff/cohorts/<slug:slug>/alumni/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/alumni/",
         expect_signed_in(403, staff=200), setup=_phase),
    Case("staff/year-after/late/", lambda w: "/staff/year-after/late/",
         expect_signed_in(403, staff=200), setup=_phase),
    # API
    Case("api/v1/cities/<slug:city>/year-after/", _api(""), expect_city_api(), api=True,
         setup=_phase),
    Case(API + "^year-after/initiative-updates/$", _api("initiative-updates/"),
         expect_city_api(), api=True, setup=_phase),
    Case(API + "^year-after/initiative-updates/$", _api("initiative-updates/"),
         expect_city_api(201, **TEAM_WRITES), api=True, method="post", setup=_phase,
         data=lambda w: {"initiative": w.extra["followon_initiative"], "quarter": 2,
                         "status": "delayed", "note": "Waiting on procurement"}),
    Case(API + "^year-after/initiative-updates/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/year-after/initiative-updates/"
         f"{w.extra['update']}/", expect_city_api(), api=True, setup=_phase),
    Case(API + "^year-after/metric-updates/$", _api("metric-updates/"),
         expect_city_api(), api=True, setup=_phase),
    Case(API + "^year-after/metric-updates/$", _api("metric-updates/"),
         expect_city_api(201, **TEAM_WRITES), api=True, method="post", setup=_phase,
         data=lambda w: {"metric": w.extra["followon_metric"], "quarter": 1, "actual": "14"}),
    Case(API + "^year-after/metric-updates/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/year-after/metric-updates/1/",
         expect_city_api(404), api=True, setup=_phase,
         name="GET metric update (none recorded: 404 for everyone who may see the city)"),
    Case(API + "^year-after/metric-updates/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/cities/{w.city.slug}/year-after/metric-updates/"
         f"{w.extra['metric_update']}/", expect_city_api(), api=True, setup=_metric_update,
         name="GET metric update (one recorded)"),
]
