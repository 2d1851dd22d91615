"""Riverton's CDO hands in an assignment from the curriculum (a draft, a refused file, a
link, then submitted); Riverton's coach asks for a revision (a revision without a comment
is refused first); the CDO changes the work and submits it again, and both revisions are
kept on the page."""

import pytest
from django_scopes import scopes_disabled

from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Apply it: Telling the story of results"  # not started in the demo


def _as(page, live_server, email):
    page.context.clear_cookies()
    return login(page, live_server, email)


def _click(page, role, name, within=None):
    with page.expect_navigation(wait_until="load"):
        (within or page).get_by_role(role, name=name).click()


@requires_chromium
def test_a_team_hands_in_an_assignment_and_the_coach_asks_for_a_revision(
        page, live_server, demo):
    from assignments.models import Revision, State, Submission

    # 1. The CDO opens the curriculum from the city menu and the assignment not started.
    _as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/curriculum/", expect_status=200)
    snap(page)
    body = page.inner_text("main")
    assert "Lead confidently with data" in body and "assignments accepted" in body
    item = page.locator("li", has_text=TITLE)
    assert "Not started" in item.inner_text()
    _click(page, "link", TITLE, within=item)
    snap(page)

    # 2. A draft; a file that is not what its name says is refused; a link is added.
    page.get_by_label("What the team did").fill("We wrote a one-page results brief.")
    _click(page, "button", "Save draft")
    assert "Draft saved." in page.inner_text("body")
    page.set_input_files("#id_file", files=[{
        "name": "brief.pdf", "mimeType": "application/pdf",
        "buffer": b"MZ\x90\x00 a program, not a PDF"}])
    _click(page, "button", "Add file or link")
    assert "is not really a PDF" in page.inner_text("body")
    assert_accessible(page)
    page.get_by_label("Or a link").fill("https://example.org/riverton/results-brief")
    page.get_by_label("Title").fill("Results brief")
    _click(page, "button", "Add file or link")
    assert "Added to the assignment." in page.inner_text("body")
    _click(page, "button", "Submit to coach")
    snap(page)
    assert "Submitted. Your coach has been told." in page.inner_text("body")
    assignment_path = path_of(page)

    # 3. The coach finds it from the coach's home and asks for a revision.
    _as(page, live_server, "coach@demo.test")
    visit(page, f"{live_server.url}/coach/", expect_status=200)
    snap(page)
    _click(page, "link", "Assignments of Riverton", within=page.locator("tr", has_text="Riverton"))
    _click(page, "link", TITLE, within=page.locator("li", has_text=TITLE))
    page.get_by_label("Ask for a revision").check()
    _click(page, "button", "Send review")
    assert "Say what the team should change." in page.inner_text("body")
    assert_accessible(page)
    page.get_by_label("Ask for a revision").check()
    page.get_by_label("Comment for the team").fill("Add one number residents care about.")
    _click(page, "button", "Send review")
    snap(page)
    assert "Review sent to the team." in page.inner_text("body")

    # 4. The CDO revises and submits again; both revisions stay on the page.
    _as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}{assignment_path}", expect_status=200)
    assert "Add one number residents care about." in page.inner_text("main")
    page.get_by_label("What the team did").fill(
        "We wrote a one-page results brief: 311 answers within two days rose to 81%.")
    _click(page, "button", "Save draft")
    _click(page, "button", "Submit to coach")
    snap(page)
    main = page.inner_text("main")
    assert "Revision 1" in main and "Revision 2" in main

    with scopes_disabled():
        submission = Submission.objects.get(city__slug="riverton", assignment__title=TITLE)
        assert submission.state == State.SUBMITTED
        assert list(Revision.objects.filter(submission=submission).order_by("number")
                    .values_list("decision", flat=True)) == ["revise", ""]
