"""The walk over every form of the project (tests/i18n/test_date_inputs.py) as fixtures for
every test of this folder (test_number_inputs.py walks the same forms)."""

from tests.i18n.test_date_inputs import all_forms, constructor_kwargs  # noqa: F401
