"""Matrix cases for every assignments URL and API path (see tests/tenancy.py).

City A's curriculum and what it handed in: its people, its coach and staff read; its senior
team writes and submits; its coach and staff review. City B's people get 404 everywhere.
"""

from django.core.files.base import ContentFile

from assignments.models import Attachment, Revision
from tests import factories
from tests.tenancy import Case, expect_city_api, expect_city_page, expect_signed_in

TEAM_WRITES = dict(mayor_a=403, coach_a=403, staff=403)
COACH_REVIEWS = dict(member_a=403, mayor_a=403)


def an_assignment(world):
    world.extra["assignment"] = factories.AssignmentFactory()


def handed_in(state):
    """An assignment and city A's submission in ``state``, with a file (and, once
    submitted, its first revision)."""

    def setup(world):
        assignment = factories.AssignmentFactory()
        submission = factories.SubmissionFactory(
            city=world.city, assignment=assignment, state=state,
            started_by=world.users["member_a"])
        attachment = Attachment(submission=submission, kind="file", title="Inventory",
                                original_name="inventory.csv", content_type="text/csv",
                                size=20)
        attachment.file.save("handed-in.csv", ContentFile(b"dataset,owner\nA,B\n"))
        if state in ("submitted", "revise", "accepted"):
            revision = Revision.objects.create(submission=submission, number=1,
                                               text=submission.text)
            revision.attachments.add(attachment)
        world.extra.update(assignment=assignment, submission=submission,
                           attachment=attachment)

    return setup


def page(world, suffix=""):
    return f"/c/{world.city.slug}/curriculum/assignments/{world.extra['assignment'].pk}/{suffix}"


def file_url(world, suffix=""):
    return page(world, f"files/{world.extra['attachment'].pk}/{suffix}")


def api(world, suffix=""):
    return f"/api/v1/cities/{world.city.slug}/assignments/{world.extra['assignment'].pk}/{suffix}"


def staff_page(world, suffix=""):
    return f"/staff/curriculum/assignments/{suffix}"


def staff_assignment(world):
    return staff_page(world, f"{world.extra['assignment'].pk}/")


def staff_form(world):
    assignment = world.extra["assignment"]
    return {"module": assignment.module_id, "title": "Map your data owners",
            "instructions": "One page.", "due_on": "2026-12-31"}


STAFF_ONLY = expect_signed_in(403, staff=200)
STAFF_WRITES = expect_signed_in(403, staff=302)
API_TEAM_WRITES = dict(mayor_a=403, coach_a=403, staff=403)
API = "api/v1/cities/<slug:city>/^assignments/"


CASES = [
    # --- portal pages ---
    Case("c/<slug:city>/curriculum/", lambda w: f"/c/{w.city.slug}/curriculum/",
         expect_city_page(), setup=handed_in("submitted")),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/", page, expect_city_page(),
         setup=handed_in("submitted")),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/", page,
         expect_city_page(302, **TEAM_WRITES), method="post",
         data={"text": "We listed our datasets."}, setup=an_assignment),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/files/", lambda w: page(w, "files/"),
         expect_city_page(302, **TEAM_WRITES), method="post",
         data={"url": "https://data.example.test/inventory", "title": "Inventory"},
         setup=an_assignment),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/files/<int:attachment_id>/",
         file_url, expect_city_page(), setup=handed_in("submitted")),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/files/<int:attachment_id>/remove/",
         lambda w: file_url(w, "remove/"), expect_city_page(302, **TEAM_WRITES),
         method="post", setup=handed_in("draft")),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/submit/", lambda w: page(w, "submit/"),
         expect_city_page(302, **TEAM_WRITES), method="post", setup=handed_in("draft")),
    Case("c/<slug:city>/curriculum/assignments/<int:pk>/review/", lambda w: page(w, "review/"),
         expect_city_page(302, **COACH_REVIEWS), method="post",
         data={"decision": "revise", "comment": "Name an owner for each dataset."},
         setup=handed_in("submitted")),
    # --- staff pages: the curriculum's assignments ---
    Case("staff/curriculum/assignments/", staff_page, STAFF_ONLY, setup=an_assignment),
    Case("staff/curriculum/assignments/", staff_page, STAFF_WRITES, method="post",
         data=lambda w: {"action": "hide", "item": w.extra["assignment"].pk},
         setup=an_assignment),
    Case("staff/curriculum/assignments/add/", lambda w: staff_page(w, "add/"), STAFF_ONLY,
         setup=an_assignment),
    Case("staff/curriculum/assignments/add/", lambda w: staff_page(w, "add/"), STAFF_WRITES,
         method="post", data=staff_form, setup=an_assignment),
    Case("staff/curriculum/assignments/<int:assignment_id>/", staff_assignment, STAFF_ONLY,
         setup=an_assignment),
    Case("staff/curriculum/assignments/<int:assignment_id>/", staff_assignment,
         STAFF_WRITES, method="post", data=staff_form, setup=an_assignment),
    # --- the API ---
    Case(f"{API}$", lambda w: f"/api/v1/cities/{w.city.slug}/assignments/", expect_city_api(),
         api=True, setup=handed_in("submitted")),
    Case(f"{API}(?P<pk>[^/.]+)/$", api, expect_city_api(), api=True,
         setup=handed_in("revise")),
    Case(f"{API}(?P<pk>[^/.]+)/draft/$", lambda w: api(w, "draft/"),
         expect_city_api(**API_TEAM_WRITES), method="post", api=True,
         data={"text": "We listed our datasets."}, setup=an_assignment),
    Case(f"{API}(?P<pk>[^/.]+)/attachments/$", lambda w: api(w, "attachments/"),
         expect_city_api(201, **API_TEAM_WRITES), method="post", api=True, multipart=True,
         data={"url": "https://data.example.test/inventory", "title": "Inventory"},
         setup=an_assignment),
    Case(f"{API}(?P<pk>[^/.]+)/submit/$", lambda w: api(w, "submit/"),
         expect_city_api(**API_TEAM_WRITES), method="post", api=True,
         setup=handed_in("draft")),
    Case(f"{API}(?P<pk>[^/.]+)/review/$", lambda w: api(w, "review/"),
         expect_city_api(**COACH_REVIEWS), method="post", api=True,
         data={"decision": "accepted"}, setup=handed_in("submitted")),
]
