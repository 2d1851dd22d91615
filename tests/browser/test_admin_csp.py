"""The admin's add forms in real Chromium: the browser refuses nothing under the Content
Security Policy, including styles or scripts the admin's own JavaScript adds after the page
loads (tests/test_admin_forms.py checks the HTML the server sends; this checks the page the
staff member ends up with).

The pages are opened with ``page.goto`` rather than ``visit``: axe, which ``visit`` runs,
injects a script of its own, and the browser would rightly report that.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import login
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-staff-passphrase"
LISTEN = """
window.__civicRefused = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__civicRefused.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""


@requires_chromium
def test_no_admin_add_form_has_anything_refused_by_the_csp(page, live_server):
    from tests import factories
    from tests.test_admin_forms import MODELS

    staff = factories.UserFactory(email="admin@program.test", is_staff=True, is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    login(page, live_server, staff.email, PASSWORD)
    page.add_init_script(LISTEN)
    refused = {}
    for model in MODELS:
        opts = model._meta
        url = live_server.url + reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == 200, url
        found = page.evaluate("() => window.__civicRefused")
        if found:
            refused[url] = found
    assert len(MODELS) > 10
    assert refused == {}
