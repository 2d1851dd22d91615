"""Matrix cases for every strategy page and API path (see tests/tenancy.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.tenancy import Case, expect_city_api, expect_city_page

P = "c/<slug:city>/strategy/"
API = "api/v1/cities/<slug:city>/strategy/"
TEAM_ONLY = {"mayor_a": 403, "coach_a": 403, "staff": 403}
MAYOR_ONLY = {"member_a": 403, "coach_a": 403, "staff": 403}


def _strategy(world, *, submitted=False):
    from strategy.editing import start_strategy
    from strategy.models import Comment, StrategyDocument
    from strategy.review import submit_for_review
    from tests import factories

    strategy = start_strategy(city=world.city, user=world.users["member_a"])
    plan = strategy.components.get(key="governance")
    if "initiative" not in world.extra:
        world.extra["initiative"] = factories.InitiativeFactory(component=plan).pk
        world.extra["metric"] = factories.MetricFactory(component=plan).pk
        world.extra["comment"] = Comment.objects.create(
            strategy=strategy, section="vision", author=world.users["coach_a"], body="Hm"
        ).pk
        name = default_storage.save("strategy/alphaville/full-test.pdf",
                                    ContentFile(b"%PDF-1.7 test"))
        world.extra["document"] = StrategyDocument.objects.create(
            strategy=strategy, kind="full", content_hash="0" * 64, status="ready", file=name
        ).pk
    if submitted and not strategy.versions.exists():
        submit_for_review(strategy=strategy, user=world.users["member_a"])
    strategy.refresh_from_db()
    return strategy


def setup(world):
    _strategy(world)


def setup_submitted(world):
    _strategy(world, submitted=True)


def page(path):
    return lambda w: f"/c/{w.city.slug}/strategy/{path}"


def with_id(path, key):
    return lambda w: f"/c/{w.city.slug}/strategy/{path.format(w.extra[key])}"


INITIATIVE = {"revision": 1, "title": "Open data portal", "year": "2", "quarters": ["1", "2"],
              "status": "planned"}
METRIC = {"revision": 1, "name": "Datasets published", "frequency": "quarterly"}

CASES = [
    Case(P, page(""), expect_city_page(), setup=setup),
    Case(P, page(""), expect_city_page(), name="GET strategy overview before it starts"),
    Case(P + "start/", page("start/"), expect_city_page(302, **TEAM_ONLY), method="post"),
    Case(P + "step/<slug:step>/", page("step/vision/"), expect_city_page(), setup=setup),
    Case(P + "step/<slug:step>/", page("step/component-governance/"), expect_city_page(),
         setup=setup, name="GET strategy component step"),
    Case(P + "step/<slug:step>/", page("step/review/"), expect_city_page(), setup=setup,
         name="GET strategy review step"),
    Case(P + "step/<slug:step>/", page("step/vision/"), expect_city_page(302, **TEAM_ONLY),
         method="post", data={"revision": 2, "vision": "Data for all", "priorities": "Parks"},
         setup=setup),
    Case(P + "autosave/", page("autosave/"), expect_city_page(200, **TEAM_ONLY),
         method="post", data={"section": "vision", "revision": 2, "vision": "Autosaved"},
         setup=setup),
    Case(P + "components/<slug:component>/initiatives/add/",
         page("components/governance/initiatives/add/"), expect_city_page(302, **TEAM_ONLY),
         method="post", data=INITIATIVE, setup=setup),
    Case(P + "initiatives/<int:pk>/", with_id("initiatives/{}/", "initiative"),
         expect_city_page(200, **TEAM_ONLY), setup=setup),
    Case(P + "initiatives/<int:pk>/", with_id("initiatives/{}/", "initiative"),
         expect_city_page(302, **TEAM_ONLY), method="post", data=INITIATIVE, setup=setup),
    Case(P + "initiatives/<int:pk>/delete/", with_id("initiatives/{}/delete/", "initiative"),
         expect_city_page(302, **TEAM_ONLY), method="post", data={"revision": 9}, setup=setup),
    Case(P + "components/<slug:component>/metrics/add/",
         page("components/governance/metrics/add/"), expect_city_page(302, **TEAM_ONLY),
         method="post", data=METRIC, setup=setup),
    Case(P + "metrics/<int:pk>/", with_id("metrics/{}/", "metric"),
         expect_city_page(200, **TEAM_ONLY), setup=setup),
    Case(P + "metrics/<int:pk>/", with_id("metrics/{}/", "metric"),
         expect_city_page(302, **TEAM_ONLY), method="post", data=METRIC, setup=setup),
    Case(P + "metrics/<int:pk>/delete/", with_id("metrics/{}/delete/", "metric"),
         expect_city_page(302, **TEAM_ONLY), method="post", data={"revision": 9}, setup=setup),
    Case(P + "read/", page("read/"), expect_city_page(), setup=setup_submitted),
    Case(P + "comments/", page("comments/"), expect_city_page(302), method="post",
         data={"section": "vision", "body": "Looks good"}, setup=setup),
    Case(P + "comments/<int:pk>/resolve/", with_id("comments/{}/resolve/", "comment"),
         expect_city_page(302), method="post", setup=setup),
    Case(P + "submit/", page("submit/"), expect_city_page(302, **TEAM_ONLY), method="post",
         setup=setup),
    Case(P + "decide/", page("decide/"), expect_city_page(302, **MAYOR_ONLY), method="post",
         data={"decision": "request_changes", "comment": "Add goals"}, setup=setup_submitted),
    Case(P + "versions/", page("versions/"), expect_city_page(), setup=setup_submitted),
    Case(P + "versions/<int:number>/", page("versions/1/"), expect_city_page(),
         setup=setup_submitted),
    Case(P + "versions/<int:number>/diff/", page("versions/1/diff/?to=current"),
         expect_city_page(), setup=setup_submitted),
    Case(P + "tracking/", page("tracking/"), expect_city_page(), setup=setup),
    Case(P + "tracking/", page("tracking/"), expect_city_page(302, **TEAM_ONLY),
         method="post", data=lambda w: {f"status-{w.extra['initiative']}": "done"},
         setup=setup),
    Case(P + "pdf/", page("pdf/"), expect_city_page(), setup=setup),
    Case(P + "brief/", page("brief/"), expect_city_page(), setup=setup),
    Case(P + "documents/retry/", page("documents/retry/"), expect_city_page(302),
         method="post", data={"kind": "brief"}, setup=setup),
    Case(P + "documents/language/", page("documents/language/"),
         expect_city_page(302, **TEAM_ONLY), method="post",
         data={"kind": "full", "language": "es"}, setup=setup),
    Case(P + "documents/<int:pk>/", with_id("documents/{}/", "document"), expect_city_page(),
         setup=setup),
    # API
    Case(API, lambda w: f"/api/v1/cities/{w.city.slug}/strategy/", expect_city_api(),
         api=True, setup=setup),
    Case(API, lambda w: f"/api/v1/cities/{w.city.slug}/strategy/",
         expect_city_api(200, **TEAM_ONLY), method="patch", api=True, setup=setup,
         data={"section": "vision", "revision": 2, "fields": {"vision": "Via the API"}}),
    Case(API + "pdf/", lambda w: f"/api/v1/cities/{w.city.slug}/strategy/pdf/?kind=brief",
         expect_city_api(202), api=True, setup=setup),
    Case(API + "pdf/", lambda w: f"/api/v1/cities/{w.city.slug}/strategy/pdf/",
         expect_city_api(202), method="post", data={"kind": "brief"}, api=True, setup=setup),
]
