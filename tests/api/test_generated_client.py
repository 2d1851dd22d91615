"""A Python client generated from the live schema works unedited.

``openapi-python-client`` (pinned in the dev group, runs offline) generates a client from
``/api/schema/`` as the running app serves it, into a temporary folder; every generated
module imports, and the main journeys run through it against the live server: sign in for a
token, list sessions, RSVP, log hours, read and patch the strategy, ask for the PDF (202,
then the PDF), and a 404 the client parses into the documented error.
"""

import datetime
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from tests import factories

CONFIG = Path(__file__).with_name("openapi-python-client.yaml")
PACKAGE = "civic_api_client"


def generate(schema_url, folder):
    """Generate the client package from ``schema_url`` into ``folder``; its path."""
    import urllib.request

    schema = folder / "schema.json"
    with urllib.request.urlopen(schema_url + "?format=json") as answer:  # noqa: S310
        schema.write_bytes(answer.read())
    generator = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [generator, "generate", "--path", str(schema), "--output-path",
         str(folder / PACKAGE), "--config", str(CONFIG), "--meta", "none"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    return folder / PACKAGE


def import_all(package_dir):
    """Import every generated module; [(module, error)] of those that fail."""
    failures = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            failures.append((name, f"{type(error).__name__}: {error}"))
    return failures


@pytest.fixture
def generated(live_server, tmp_path):
    sys.path.insert(0, str(tmp_path))
    try:
        yield generate(f"{live_server.url}/api/schema/", tmp_path)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def city_world(transactional_db):
    with scopes_disabled():
        cohort = factories.CohortFactory()
        city = factories.CityFactory(name="Riverton", slug="riverton")
        factories.EnrollmentFactory(city=city, cohort=cohort)
        member = factories.MembershipFactory(city=city, user__email="cdo@riverton.test").user
        session = factories.SessionFactory(cohort=cohort)
    with scope(city=city):
        from strategy.editing import start_strategy

        start_strategy(city=city, user=member)
    return city, member, session


def test_every_generated_module_imports_and_the_journeys_run(generated, city_world, live_server):
    city, member, session = city_world
    assert import_all(generated) == []

    client_module = importlib.import_module(f"{PACKAGE}.client")
    models = importlib.import_module(f"{PACKAGE}.models")
    api = f"{PACKAGE}.api.v1."

    def call(name):
        return importlib.import_module(api + name)

    # Sign in: a token for e-mail and password.
    anonymous = client_module.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    token = call("v1_auth_token_create").sync(client=anonymous, body=models.TokenRequestRequest(
        email=member.email, password=factories.PASSWORD))
    assert isinstance(token, models.TokenResponse) and token.token
    client = client_module.AuthenticatedClient(
        base_url=live_server.url, token=token.token, prefix="Token",
        raise_on_unexpected_status=True,
    )

    # The city's sessions, and an RSVP to one.
    sessions = call("v1_cities_sessions_list").sync(client=client, city=city.slug)
    assert [s.id for s in sessions.results] == [session.pk]
    answered = call("v1_cities_sessions_rsvp_create").sync(
        client=client, city=city.slug, id=session.pk,
        body=models.RsvpInputRequest(answer=models.AnswerEnum.YES))
    assert isinstance(answered, models.Session) and answered.my_rsvp == "yes"

    # Hours of learning, logged and listed.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    entry = call("v1_cities_hours_create").sync(client=client, city=city.slug, body=(
        models.LogLearningRequest(hours="1.50", on_date=yesterday, note="Data course")))
    assert isinstance(entry, models.HoursEntry) and entry.note == "Data course"
    ledger = call("v1_cities_hours_list").sync(client=client, city=city.slug)
    assert [e.id for e in ledger.results] == [entry.id]

    # The strategy: read, then change the vision with the revision read.
    strategy = call("v1_cities_strategy_retrieve").sync(client=client, city=city.slug)
    assert isinstance(strategy, models.Strategy) and strategy.city == city.slug
    fields = models.PatchedStrategyPatchRequestFields.from_dict(
        {"vision": "Every decision made with timely, trusted data."})
    changed = call("v1_cities_strategy_partial_update").sync(
        client=client, city=city.slug, body=models.PatchedStrategyPatchRequest(
            section="vision", revision=strategy.revision, fields=fields))
    assert isinstance(changed, models.Strategy), changed
    assert changed.vision == "Every decision made with timely, trusted data."
    assert changed.revision > strategy.revision

    # The PDF: 202 with its status while it is prepared, then the PDF itself.
    pdf = call("v1_cities_strategy_pdf_retrieve")
    first = pdf.sync_detailed(client=client, city=city.slug)
    assert first.status_code == 202
    assert isinstance(first.parsed, models.DocumentStatus)
    assert first.parsed.status == models.DocumentStatusEnum.PENDING
    second = pdf.sync_detailed(client=client, city=city.slug)
    assert second.status_code == 200, second.content[:200]
    assert second.parsed.payload.read().startswith(b"%PDF")

    # A 404, parsed into the documented error.
    missing = call("v1_cities_sessions_retrieve").sync_detailed(
        client=client, city="no-such-city", id=session.pk)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, models.Error) and missing.parsed.detail == "Not found."
