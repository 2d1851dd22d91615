"""Issue 11's load mix for locust: team members, coaches and program staff at work.

    locust -f bench/locustfile.py --host http://127.0.0.1:8000   (``make load`` runs it)

Every simulated person signs in through the real sign-in form (allauth, CSRF) with an
account listed in the people file (``LOAD_PEOPLE``, default ``var/load/people.json``, written
by ``bench/loadrun.py``)::

    {"password": "…", "members": [{"email": "…", "city": "city-001"}],
     "coaches": [{"email": "…", "cities": ["city-001", …]}],
     "staff": [{"email": "…", "cohort": "cohort-1"}]}

Pages are read like a browser reads them (redirects followed) and forms are submitted as a
browser would submit them: every field the page rendered, with the person's change on top.
A request fails when it does not end in a 200 page, lands on the sign-in page, or — for a
write — when the product rejects it (the form comes back, or an error message is shown).
"""

import itertools
import json
import os
import random
import re
import threading
from datetime import date, timedelta
from pathlib import Path

from locust import HttpUser, between, task

from bench.html_forms import REJECTED, errors_in, form_data, forms_of, links

PEOPLE_FILE = os.environ.get(
    "LOAD_PEOPLE", str(Path(__file__).resolve().parent.parent / "var" / "load" / "people.json")
)


# ---------------------------------------------------------------- people


_people, _cursors, _lock = None, {}, threading.Lock()


def next_person(kind):
    """The next account of ``kind`` (members, coaches, staff), round robin."""
    global _people
    with _lock:
        if _people is None:
            _people = json.loads(Path(PEOPLE_FILE).read_text())
        if kind not in _cursors:
            _cursors[kind] = itertools.cycle(_people[kind])
        return {**next(_cursors[kind]), "password": _people["password"]}


class CivicUser(HttpUser):
    """Signs in through the sign-in form; helpers that check what a person would check."""

    abstract = True
    kind = None
    wait_time = between(1, 4)

    def on_start(self):
        self.person = next_person(self.kind)
        login = self.page("/accounts/login/", name="sign in (form)")
        form = next((f for f in forms_of(login) if "/accounts/login/" in f["action"]), None)
        if form is None:
            return
        self.submit(
            "/accounts/login/",
            form_data(form, login=self.person["email"], password=self.person["password"]),
            name="sign in",
        )

    def _plain_cookies(self):
        # Production cookies are Secure; the load runs over plain HTTP on 127.0.0.1, where
        # a browser behind the TLS proxy would still send them.
        for cookie in self.client.cookies:
            cookie.secure = False

    def page(self, path, *, name=None):
        """GET ``path``; a failure unless it ends in a 200 page that is not the sign-in page."""
        with self.client.get(path, name=name or path, catch_response=True) as response:
            self._plain_cookies()
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif "/login/" in response.url and "/login/" not in path:  # the admin's too
                response.failure("signed out: landed on the sign-in page")
            return response.text if response.status_code < 400 else ""

    def submit(self, path, data, *, name):
        """POST a form; a failure unless the product accepted it (a redirect to a 200 page
        without an error message)."""
        with self.client.post(
            path, data=data, name=name, catch_response=True, headers={"Referer": self.host + path}
        ) as response:
            self._plain_cookies()
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif not response.history:
                response.failure(f"not saved, the form came back: {errors_in(response.text)}")
            elif any(mark in response.text for mark in REJECTED):
                response.failure(f"rejected with an error: {errors_in(response.text)}")
            elif "/login/" in response.url and "/login/" not in path:
                response.failure("signed out: landed on the sign-in page")
            return response.text if response.status_code < 400 else ""


# ---------------------------------------------------------------- the mix


class TeamMember(CivicUser):
    """A city's team member: reads the portal, answers invitations, edits the strategy and
    updates action items."""

    kind = "members"
    weight = 8

    @property
    def base(self):
        return f"/c/{self.person['city']}"

    @task(10)
    def city_home(self):
        self.page(f"{self.base}/", name="/c/[city]/")

    @task(6)
    def schedule(self):
        self.page(f"{self.base}/schedule/", name="/c/[city]/schedule/")

    @task(6)
    def coaching_page(self):
        self.page(f"{self.base}/coaching/", name="/c/[city]/coaching/")

    @task(4)
    def showcases(self):
        html = self.page(f"{self.base}/showcases/", name="/c/[city]/showcases/")
        found = links(html, re.escape(self.base) + r"/showcases/\d+/")
        if found:
            self.page(random.choice(found), name="/c/[city]/showcases/[id]/")

    @task(4)
    def strategy_builder(self):
        html = self.page(f"{self.base}/strategy/", name="/c/[city]/strategy/")
        steps = links(html, re.escape(self.base) + r"/strategy/step/component-[\w-]+/")
        if steps:
            self.page(random.choice(steps), name="/c/[city]/strategy/step/[component]/")

    @task(3)
    def strategy_reading(self):
        self.page(f"{self.base}/strategy/read/", name="/c/[city]/strategy/read/")

    @task(2)
    def rsvp(self):
        """Answer an upcoming session's invitation (yes, maybe or no)."""
        html = self.page(f"{self.base}/schedule/", name="/c/[city]/schedule/")
        upcoming = html.split('id="past-heading"')[0]
        sessions = links(upcoming, re.escape(self.base) + r"/schedule/\d+/")
        if not sessions:
            return
        for path in random.sample(sessions[:8], min(len(sessions), 8)):
            # The first of them this person is invited to (mayors' sessions are not theirs).
            detail = self.page(path, name="/c/[city]/schedule/[id]/")
            form = next((f for f in forms_of(detail) if "answer" in f["options"]), None)
            if form is not None:
                answer = random.choice(form["options"]["answer"])
                self.submit(
                    path, form_data(form, answer=answer), name="RSVP /c/[city]/schedule/[id]/"
                )
                return

    @task(1)
    def save_initiative(self):
        """Edit a strategy initiative's description and save it."""
        html = self.page(f"{self.base}/strategy/", name="/c/[city]/strategy/")
        steps = links(html, re.escape(self.base) + r"/strategy/step/component-[\w-]+/")
        edits = []
        for path in random.sample(steps, len(steps)):  # the first part with an initiative
            step = self.page(path, name="/c/[city]/strategy/step/[component]/")
            edits = links(step, re.escape(self.base) + r"/strategy/initiatives/\d+/")
            if edits:
                break
        if not edits:
            return
        path = random.choice(edits)
        edit = self.page(path, name="/c/[city]/strategy/initiatives/[id]/")
        form = next((f for f in forms_of(edit) if "title" in dict(f["fields"])), None)
        if form is not None:
            note = f"Reviewed by the team (load run {random.randint(1, 10**6)})."
            self.submit(
                path,
                form_data(form, description=note),
                name="save /c/[city]/strategy/initiatives/[id]/",
            )

    @task(2)
    def update_action_item(self):
        """Mark an open action item done, or reopen a closed one."""
        html = self.page(f"{self.base}/coaching/", name="/c/[city]/coaching/")
        forms = [f for f in forms_of(html) if re.search(r"/action-items/\d+/$", f["action"])]
        if not forms:
            return
        form = random.choice(forms)
        intents = [value for key, value in form["buttons"] if key == "intent"]
        intent = "done" if "done" in intents else "reopen"
        self.submit(
            form["action"],
            form_data(form, intent=intent),
            name=f"action item {intent} /c/[city]/coaching/action-items/[id]/",
        )


class CoachUser(CivicUser):
    """A coach: the coach home, a city's coaching page, and logging check-ins."""

    kind = "coaches"
    weight = 2

    def city(self):
        return random.choice(self.person["cities"])

    @task(5)
    def coach_home(self):
        self.page("/coach/", name="/coach/")

    @task(3)
    def coaching_page(self):
        self.page(f"/c/{self.city()}/coaching/", name="/c/[city]/coaching/")

    @task(2)
    def log_checkin(self):
        """Fill the quick logging form (defaults) and log it, ticking who attended: the
        attendees start unticked, so the coach ticks some of the city's people."""
        path = f"/c/{self.city()}/coaching/checkins/new/"
        html = self.page(path, name="/c/[city]/coaching/checkins/new/")
        form = next((f for f in forms_of(html) if "summary" in dict(f["fields"])), None)
        if form is None:
            return
        rags = {}  # a rating needs its reason, as the form asks
        for pillar in ("lead", "invest", "empower"):
            if f"{pillar}_rag" in form["options"]:
                rags[f"{pillar}_rag"] = random.choice(["green", "amber", "red"])
                rags[f"{pillar}_why"] = "Seen in this check-in's discussion."
        people = [v for v in form["options"].get("attendees", []) if v]
        attended = random.sample(people, random.randint(1, len(people))) if people else []
        due = (date.today() + timedelta(days=14)).isoformat()
        owners = [v for v in form["options"].get("action-0-owner", []) if v]
        action = (
            {
                "action-0-title": "Share the inventory with departments",
                "action-0-owner": random.choice(owners),
                "action-0-due_on": due,
            }
            if owners
            else {}
        )
        self.submit(
            path,
            form_data(
                form,
                intent="log",
                summary="We went through the data inventory and next steps.",
                decisions="Publish the inventory.",
                next_checkin_on=due,
                attendees=attended,
                **action,
                **rags,
            ),
            name="log check-in /c/[city]/coaching/checkins/new/",
        )


class StaffUser(CivicUser):
    """Program staff: the cohort health dashboard and the admin's lists."""

    kind = "staff"
    weight = 1

    @task(5)
    def cohort_health(self):
        self.page(
            f"/staff/cohorts/{self.person['cohort']}/health/",
            name="/staff/cohorts/[cohort]/health/",
        )

    @task(1)
    def staff_home(self):
        self.page("/staff/", name="/staff/")

    @task(2)
    def admin_applications(self):
        self.page("/admin/cities/application/", name="/admin/cities/application/")

    @task(2)
    def admin_checkins(self):
        self.page("/admin/coaching/checkin/", name="/admin/coaching/checkin/")

    @task(1)
    def admin_action_items(self):
        self.page("/admin/coaching/actionitem/", name="/admin/coaching/actionitem/")
