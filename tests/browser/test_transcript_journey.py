"""A coaching call becomes a check-in, in a real browser (axe and the HTML checker on every
page, 375px snapshots): the demo coach uploads a Spanish transcript, edits one drafted
action item, drops another, logs the check-in and sees it; the CDO never sees the
transcript."""

import re

import pytest

from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPANISH_CALL = """WEBVTT

1
00:00:01.000 --> 00:00:08.000
<v Casey>Buenos días a todos. Repasemos el inventario de datos.</v>

2
00:00:07.500 --> 00:00:20.000
<v Dra. Dana>Yo me encargo del inventario. Lo enviaré el viernes a todos los departamentos.</v>

3
00:00:20.000 --> 00:09:00.000
<v sam chief>Voy a preparar la sesión informativa de datos abiertos para la próxima semana.</v>

4
00:09:00.000 --> 00:30:00.000
<v Casey>Necesitamos que el alcalde decida si publicamos los datos de 311.</v>

5
00:30:00.000 --> 00:40:00.000
<v Alcalde Morgan>Gracias a todos, seguimos así.</v>

6
00:40:00.000 --> 00:45:00.000
<v Invitada Externa>Muy bien, hasta pronto.</v>
""".encode()

SUMMARY = "Inventario listo para compartir; sesión informativa la próxima semana."
EDITED = "Enviar el inventario a todos los departamentos"
DROPPED = "Yo me encargo del inventario."


def submit(page, button_name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button_name).first.click()
    snap(page)


@requires_chromium
def test_a_spanish_call_becomes_a_checkin(page, live_server, demo):
    base = live_server.url
    login(page, live_server, "coach@demo.test")
    visit(page, f"{base}/c/riverton/coaching/", expect_status=200)
    page.get_by_role("link", name="Draft one from a call transcript").click()
    page.wait_for_load_state("load")
    snap(page)
    assert path_of(page) == "/c/riverton/coaching/import/"
    assert_accessible(page)

    # A file that is not a transcript: a clear error at the field, nothing kept.
    page.set_input_files("#id_file", files=[
        {"name": "notas.txt", "mimeType": "text/plain", "buffer": b"solo unas notas"}])
    submit(page, "Read the transcript")
    assert page.locator("#id_file_error").is_visible()
    assert "Name: words" in page.inner_text("#id_file_error")
    assert_accessible(page)

    page.set_input_files("#id_file", files=[
        {"name": "llamada.vtt", "mimeType": "text/vtt", "buffer": SPANISH_CALL}])
    submit(page, "Read the transcript")
    assert re.fullmatch(r"/c/riverton/coaching/import/\d+/", path_of(page))
    main = page.inner_text("main")
    assert "Invitada Externa" in main  # not on the team: listed, not ticked
    for name in ("Dana Data", "Sam Chief", "Mayor Morgan Reyes"):
        assert page.get_by_label(name).is_checked()
    assert page.locator("#id_duration_minutes").input_value() == "45"
    assert page.locator("#id_action-0-title").input_value() == DROPPED
    assert page.locator("#id_action-1-title").input_value().startswith("Lo enviaré el viernes")
    assert "alcalde decida" in page.locator("#id_decision-0-question").input_value()
    assert_accessible(page)

    # Drop one action, edit another, write the summary, log it.
    page.uncheck("#id_action-0-keep")
    page.fill("#id_action-1-title", EDITED)
    page.fill("#id_summary", SUMMARY)
    submit(page, "Log check-in")
    assert path_of(page) == "/c/riverton/coaching/"
    main = page.inner_text("main")
    assert "Check-in logged from the transcript." in main and SUMMARY in main
    assert_accessible(page)
    visit(page, f"{base}/c/riverton/coaching/?items=all", expect_status=200)
    main = page.inner_text("main")
    assert EDITED in main and DROPPED not in main
    assert "Voy a preparar la sesión informativa" in main

    # The city's team never sees the transcript.
    page.context.clear_cookies()
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/c/riverton/coaching/import/", expect_status=403)
    visit(page, f"{base}/c/riverton/coaching/", expect_status=200)
    assert SUMMARY in page.inner_text("main")
    assert "Invitada Externa" not in page.content()
