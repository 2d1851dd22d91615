"""The admin's add and change forms for our models keep to the Content Security Policy (no
``style=""`` attribute, no inline script) and label every field a person fills in; every admin
page of ours (add, change and list) is valid HTML for the W3C Nu checker."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests.architecture.graph import CONTRACTS

# Every app of the project, as the import-layer contract lists them (a new app is swept too).
OUR_APPS = set(CONTRACTS["root_packages"])


class _Superuser:
    is_active = is_staff = is_superuser = is_authenticated = True

    def has_perm(self, perm, obj=None):
        return True


def _can_add(model_admin):
    return model_admin.has_add_permission(SimpleNamespace(user=_Superuser()))


# Models added in the admin (some are read-only there by design: logs, history, exports).
MODELS = sorted(
    (model for model, model_admin in admin.site._registry.items()
     if model._meta.app_label in OUR_APPS and _can_add(model_admin)),
    key=lambda m: m._meta.label,
)
FILLED_IN = {"input", "select", "textarea"}
NOT_FILLED_IN = {"hidden", "submit", "button", "reset", "image"}


class _Form(HTMLParser):
    """Collects inline styles and scripts, fields, and what labels them."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.fields, self.labelled = [], [], [], set()
        self._label_depth, self._in_script = 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.styles.append(self.get_starttag_text())
        if tag == "script":
            self._in_script = "src" not in attrs and attrs.get("type") != "application/json"
        if tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.labelled.add(attrs["for"])
        if tag in FILLED_IN and attrs.get("type", "text") not in NOT_FILLED_IN:
            named = (attrs.get("aria-label") or attrs.get("aria-labelledby")
                     or attrs.get("title") or self._label_depth)
            self.fields.append((attrs.get("id"), attrs.get("name"), bool(named)))

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth = max(self._label_depth - 1, 0)
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.scripts.append(data.strip()[:80])

    def unlabelled(self):
        return [name or field_id for field_id, name, named in self.fields
                if not named and field_id not in self.labelled]


def _parse(html):
    parser = _Form()
    parser.feed(html)
    return parser


@pytest.fixture
def staff_client(db):
    from tests import factories

    client = Client()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_admin_add_form_keeps_to_the_csp_and_labels_its_fields(model, staff_client):
    opts = model._meta
    response = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert response.status_code == 200
    form = _parse(response.content.decode())
    assert form.styles == [], "inline style attributes break style-src 'self'"
    assert form.scripts == [], "inline scripts break script-src 'self'"
    assert form.unlabelled() == [], "fields without a label"



@pytest.mark.django_db
def test_admin_change_forms_of_the_demo_keep_to_the_csp_and_label_their_fields(staff_client):
    import io

    from django.core.management import call_command
    from django_scopes import scopes_disabled

    call_command("seed_demo", stdout=io.StringIO())
    problems, checked = {}, 0
    for model in MODELS:
        opts = model._meta
        with scopes_disabled():
            obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        response = staff_client.get(url)
        assert response.status_code == 200, url
        checked += 1
        form = _parse(response.content.decode())
        if form.styles or form.scripts or form.unlabelled():
            problems[opts.label] = (form.styles, form.scripts, form.unlabelled())
    assert problems == {}
    assert checked >= len(MODELS) // 2  # the demo fills most of them


def _our_admins():
    return sorted(((model, model_admin) for model, model_admin in admin.site._registry.items()
                   if model._meta.app_label in OUR_APPS), key=lambda pair: pair[0]._meta.label)


@pytest.mark.django_db
def test_every_admin_page_of_ours_is_valid_html(staff_client, tmp_path):
    """The add page, the list and the demo's first row of every model we register, through
    the W3C Nu HTML checker in one run (the browser tests check only the pages they visit)."""
    import io
    import json

    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from tests.browser.checks import html_checker_errors
    from tests.services import REQUIRED

    call_command("seed_demo", stdout=io.StringIO())
    pages = []
    for model, model_admin in _our_admins():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append(reverse(f"{prefix}_changelist"))
        if _can_add(model_admin):
            pages.append(reverse(f"{prefix}_add"))
        with scopes_disabled():
            obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages.append(reverse(f"{prefix}_change", args=[obj.pk]))
    with open(tmp_path / "index.jsonl", "w", encoding="utf-8") as index:
        for n, url in enumerate(pages):
            response = staff_client.get(url)
            assert response.status_code == 200, url
            (tmp_path / f"admin-{n}.server.html").write_bytes(response.content)
            index.write(json.dumps({"file": f"admin-{n}.server.html", "url": url,
                                    "kind": "server"}) + "\n")
    assert len(pages) > 60
    try:
        errors = html_checker_errors(tmp_path)
    except RuntimeError as error:
        if REQUIRED:
            raise
        pytest.skip(str(error))
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
