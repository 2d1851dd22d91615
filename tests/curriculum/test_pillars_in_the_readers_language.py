"""The program's pillars are shipped content: shown in the reader's language, unless staff
typed their own words, which stay as typed."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.utils import translation

from curriculum.models import Pillar
from curriculum.pillars import ensure_pillars, pillar_text

pytestmark = pytest.mark.django_db


def test_the_shipped_pillars_read_in_each_language():
    pillars = ensure_pillars()
    assert pillars["data"].name == ""  # as shipped: nothing stored
    with translation.override("es"):
        assert str(pillars["data"]) == "Liderar con confianza usando datos"
        assert pillar_text(pillars["invest"], "description").startswith("Formar el equipo")
    with translation.override("pt-br"):
        assert str(pillars["data"]) == "Liderar com confiança usando dados"
    with translation.override("en"):
        assert str(pillars["data"]) == "Lead confidently with data"


def test_words_staff_typed_stay_and_ensuring_again_keeps_them():
    ensure_pillars()
    Pillar.objects.filter(slug="empower").update(name="Empoderar a la gente")
    pillars = ensure_pillars()
    with translation.override("en"):
        assert str(pillars["empower"]) == "Empoderar a la gente"


def test_the_migration_forgets_the_shipped_english_stored_before():
    ensure_pillars()
    Pillar.objects.filter(slug="data").update(
        name="Lead confidently with data",
        description="Use data to set priorities, make decisions and communicate results.")
    Pillar.objects.filter(slug="invest").update(name="Our own name")
    migration = importlib.import_module(
        "curriculum.migrations.0003_pillars_as_shipped_in_the_readers_language")
    migration.forget_shipped_text(django_apps, None)
    assert Pillar.objects.get(slug="data").name == ""
    assert Pillar.objects.get(slug="data").description == ""
    assert Pillar.objects.get(slug="invest").name == "Our own name"
