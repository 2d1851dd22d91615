"""The training-hours line a check-in credits is described in the reader's language (page,
API, export), not frozen in the language of whoever logged the check-in; notes people
typed stay as typed."""

import datetime
import importlib

from django.apps import apps as django_apps
from django.test import Client
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from coaching.checkins import log_checkin
from schedule.hours import city_today, log_learning
from schedule.models import HoursEntry

HAPPENED = timezone.make_aware(datetime.datetime(2026, 11, 24, 15, 0))


def _log_checkin_in_english(world):
    values = {"happened_at": HAPPENED, "duration_minutes": 60, "mode": "video",
              "summary": "Inventory reviewed.", "lead_rag": "green", "lead_why": "Good."}
    with scope(city=world.city), translation.override("en"):
        return log_checkin(city=world.city, by=world.users["coach_a"], values=values,
                           attendee_ids={world.users["member_a"].pk})


def _hours_page(world, language):
    member = world.users["member_a"]
    member.language = language
    member.save(update_fields=["language"])
    client = Client()
    client.force_login(member)
    return client, client.get("/c/alphaville/hours/").content.decode()


def test_the_checkin_line_reads_in_spanish_and_portuguese(world):
    _log_checkin_in_english(world)
    with scope(city=world.city):
        log_learning(city=world.city, user=world.users["member_a"], hours=1,
                     on_date=city_today(world.city), note="Read the data-inventory guide")
    client, spanish = _hours_page(world, "es")
    assert "Reunión de seguimiento de acompañamiento del 24 de noviembre de 2026" in spanish
    assert "Coaching check-in on" not in spanish
    assert "Read the data-inventory guide" in spanish  # typed by a person: as typed
    api = client.get("/api/v1/cities/alphaville/hours/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert "Reunión de seguimiento de acompañamiento del 24 de noviembre de 2026" in {
        row["note"] for row in api["results"]}

    _client, portuguese = _hours_page(world, "pt-br")
    assert "Coaching check-in on" not in portuguese and "2026-11-24" not in portuguese
    with translation.override("pt-br"):
        expected = translation.gettext("Coaching check-in on %(date)s") % {"date": "24"}
    assert expected.split("24")[0] in portuguese


class _AppsWhenItRan:
    """The migration ran when the ledger was cohorts' (``cohorts.HoursEntry``); the model
    is schedule's now (schedule 0001/0002 moved it, rows and all)."""

    def get_model(self, app_label, model_name):
        assert app_label == "cohorts"
        return django_apps.get_model("schedule", model_name)


def test_the_migration_forgets_the_english_notes_stored_before(world):
    checkin = _log_checkin_in_english(world)
    with scopes_disabled():
        entry = HoursEntry.objects.get(source_key=f"checkin:{checkin.pk}")
        HoursEntry.objects.filter(pk=entry.pk).update(note="Coaching check-in on 2026-11-24")
    migration = importlib.import_module(
        "cohorts.migrations.0005_checkin_hours_notes_described_on_display")
    migration.forget_written_notes(_AppsWhenItRan(), None)
    _client, spanish = _hours_page(world, "es")
    assert "Coaching check-in on" not in spanish
    assert "Reunión de seguimiento de acompañamiento del 24 de noviembre de 2026" in spanish
