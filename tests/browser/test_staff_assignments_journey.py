"""Staff define the curriculum's assignments from the staff home: an assignment without a
title is refused at the field (nothing saved), then added to a module and moved up; a started
assignment offers no delete and is hidden instead; Riverton's CDO no longer sees it."""

import pytest

from tests.browser.conftest import login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTED = "Apply it: Know your data"  # Riverton and Lakeside started it in the demo
NEW = "Publish the data inventory"


def _click(page, role, name, within=None):
    with page.expect_navigation(wait_until="load"):
        (within or page).get_by_role(role, name=name).click()


@requires_chromium
def test_staff_add_an_assignment_and_hide_a_started_one(page, live_server, demo):
    from curriculum.models import Assignment

    # 1. From the staff home to the curriculum's assignments.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/")
    _click(page, "link", "Curriculum assignments")
    assert path_of(page) == "/staff/curriculum/assignments/"
    snap(page)

    # 2. Without a title: refused at the field, nothing saved; then added.
    _click(page, "link", "Add an assignment")
    snap(page)
    page.get_by_label("Module").select_option(label="Know your data: the data inventory")
    page.get_by_label("Due on").fill("2027-03-01")
    _click(page, "button", "Save the assignment")
    snap(page)
    assert "This field is required." in page.locator(".field-error").first.inner_text()
    assert not Assignment.objects.filter(title=NEW).exists()
    page.get_by_label("Title").fill(NEW)
    page.get_by_label("Instructions for the city's team").fill("Put the inventory online.")
    _click(page, "button", "Save the assignment")
    assert "The assignment is saved." in page.inner_text("body")
    snap(page)

    # 3. Moved above the started one; the started one has no delete, and is hidden.
    module = page.locator("section", has_text="Know your data: the data inventory")
    _click(page, "button", f"Move “{NEW}” up", within=module)
    titles = module.locator("tbody th").all_inner_texts()
    assert titles[0].startswith(NEW) and titles[1].startswith(STARTED)
    row = module.locator("tr", has_text=STARTED)
    assert row.get_by_role("button", name=f"Delete “{STARTED}”").count() == 0
    _click(page, "button", f"Hide “{STARTED}”", within=row)
    assert "The assignment is hidden" in page.inner_text("body")
    snap(page)
    assert Assignment.objects.get(title=STARTED).hidden

    # 4. Riverton's CDO sees the new assignment and no longer the hidden one.
    page.context.clear_cookies()
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/curriculum/", expect_status=200)
    body = page.inner_text("main")
    assert NEW in body and STARTED not in body
    snap(page)
