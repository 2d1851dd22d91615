"""Every field of the project's models is labelled in the reader's language.

A field without ``verbose_name`` is labelled from its Python name ("created at", "city"):
that text is in no catalogue, so the admin's columns, filters and forms and the API's
field titles showed it in English to Spanish- and Portuguese-speaking staff, and the
English-leak check of the pages could not know it. Found, not listed: every concrete field
of every model of the project's apps. History tables copy the same labels; their own
bookkeeping columns (``history_date``, ``history_user``…) are django-simple-history's, which
its history pages head with their own translated titles.
"""

import pytest
from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import trans_real

from tests.architecture.graph import ROOT

LANGUAGES = ("es", "pt-br")


def _own_models():
    return [
        model for model in apps.get_models()
        if (ROOT / model._meta.app_config.label).is_dir()
        and str(ROOT) in str(model._meta.app_config.path)
    ]


def _fields():
    return [
        (model, field) for model in _own_models() for field in model._meta.get_fields()
        if getattr(field, "concrete", False) and not field.auto_created
        and not _history_bookkeeping(model, field)
    ]


def _history_bookkeeping(model, field):
    """A column django-simple-history adds to a history table (not one of the model's)."""
    return hasattr(model, "instance_type") and field.name.startswith("history_")


def test_the_check_sees_the_projects_models():
    labels = {model._meta.label for model in _own_models()}
    assert {"cities.City", "strategy.Strategy", "schedule.Attendance"} <= labels
    assert not any(label.startswith(("auth.", "admin.", "django_celery_beat.")) for label in labels)


def test_every_field_has_a_translated_label():
    untranslated = [
        f"{model._meta.label}.{field.name}: {field.verbose_name!r}"
        for model, field in _fields() if not isinstance(field.verbose_name, Promise)
    ]
    assert not untranslated, (
        "fields labelled from their Python name (give them verbose_name=_('…')):\n"
        + "\n".join(untranslated)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_label_is_in_the_catalogue(language):
    catalogue = trans_real.translation(language)._catalog
    missing = sorted({
        str(field.verbose_name._args[0])
        for _model, field in _fields()
        if isinstance(field.verbose_name, Promise)
        and field.verbose_name._args[0] not in catalogue
    })
    assert not missing, f"field labels with no {language} translation:\n" + "\n".join(missing)
