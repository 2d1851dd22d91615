"""The load run's mix (bench/locustfile.py) works against the product: every task of every
simulated person, run once against the live test server on the demo data, signs in through
the real form, reads its pages and gets its writes accepted — the same checks that count a
failure in ``make load``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(transactional_db):
    """The demo data, and an initiative in Lakeside's strategy (being drafted, so editable)."""
    from django.core.management import call_command

    from accounts.models import User
    from strategy import editing
    from strategy.models import Strategy

    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        strategy = Strategy.objects.get(city__slug="lakeside")
        editing.save_initiative(
            strategy=strategy,
            data={"title": "Open data portal", "year": "1"},
            expected_revision=strategy.revision,
            component_key=strategy.components.first().key,
            user=User.objects.get(email="cdo@lakeside.demo.test"),
        )


def _people(tmp_path):
    from django.conf import settings

    from coaching.models import CoachAssignment
    from cohorts.models import Cohort

    with scopes_disabled():
        cities = sorted(
            CoachAssignment.objects.filter(coach__email="coach@demo.test").values_list(
                "enrollment__city__slug", flat=True
            )
        )
        cohort = Cohort.objects.get(slug="demo-cohort").slug
    people = {
        "password": settings.DEMO_PASSWORD,
        "members": [{"email": "cdo@lakeside.demo.test", "city": "lakeside"}],
        "coaches": [{"email": "coach@demo.test", "cities": cities}],
        "staff": [{"email": "staff@demo.test", "cohort": cohort}],
    }
    path = tmp_path / "people.json"
    path.write_text(json.dumps(people))
    return path


def _run_every_task_once(live_server, people):
    env = {**os.environ, "LOAD_PEOPLE": str(people)}
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "ops" / "locust_once.py"), live_server.url],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_task_of_the_load_mix_succeeds_and_its_writes_are_saved(demo, live_server, tmp_path):
    from coaching.models import ActionItem, CheckIn, CheckInStatus
    from schedule.models import Rsvp
    from strategy.models import Initiative

    with scopes_disabled():
        checkins_before = CheckIn.objects.filter(status=CheckInStatus.LOGGED).count()
        items_before = dict(ActionItem.objects.values_list("pk", "status"))
        Rsvp.objects.filter(user__email="cdo@lakeside.demo.test").delete()

    result = _run_every_task_once(live_server, _people(tmp_path))

    assert set(result) == {"TeamMember", "CoachUser", "StaffUser"}
    failures = [
        (who, task, r)
        for who, tasks in result.items()
        for task, requests in tasks.items()
        for r in requests
        if r["error"]
    ]
    assert failures == []
    for who, tasks in result.items():
        assert [r["name"] for r in tasks["on_start"]] == ["sign in (form)", "sign in"], who
        for task, requests in tasks.items():
            assert requests, f"{who}.{task} made no request"
    writes = {
        f"{who}.{task}": [r["name"] for r in requests if r["method"] == "POST"]
        for who, tasks in result.items()
        for task, requests in tasks.items()
        if task != "on_start"
    }
    assert writes["TeamMember.rsvp"] == ["RSVP /c/[city]/schedule/[id]/"]
    assert writes["TeamMember.save_initiative"] == ["save /c/[city]/strategy/initiatives/[id]/"]
    assert len(writes["TeamMember.update_action_item"]) == 1
    assert writes["CoachUser.log_checkin"] == ["log check-in /c/[city]/coaching/checkins/new/"]

    with scopes_disabled():
        assert CheckIn.objects.filter(status=CheckInStatus.LOGGED).count() == checkins_before + 1
        assert Initiative.objects.filter(description__startswith="Reviewed by the team").exists()
        assert Rsvp.objects.filter(user__email="cdo@lakeside.demo.test").count() == 1
        changed = [
            pk
            for pk, status in ActionItem.objects.values_list("pk", "status")
            if pk in items_before and items_before[pk] != status
        ]
        assert len(changed) == 1


def test_a_rejected_sign_in_and_the_pages_behind_it_count_as_failures(demo, live_server, tmp_path):
    people = _people(tmp_path)
    people.write_text(people.read_text().replace('"password": "', '"password": "not-'))

    result = _run_every_task_once(live_server, people)

    for who, tasks in result.items():
        sign_in = tasks["on_start"][-1]
        assert sign_in["name"] == "sign in"
        assert sign_in["error"].startswith("not saved, the form came back"), who
        pages = [r for task, requests in tasks.items() if task != "on_start" for r in requests]
        assert pages
        assert all(r["error"] for r in pages), who
