"""Test ids are the same in every process, so pytest-xdist's workers collect the same tests
(an id carrying an object's address stopped a run: "Different tests were collected")."""

from types import SimpleNamespace

import pytest

from tests.conftest import pytest_collection_modifyitems


def test_an_id_with_an_address_stops_the_collection():
    items = [SimpleNamespace(nodeid="tests/x.py::test_x[<object object at 0x7fa46070c6a0>]")]
    with pytest.raises(pytest.UsageError, match="ids="):
        pytest_collection_modifyitems(None, items)


def test_named_ids_pass():
    items = [SimpleNamespace(nodeid="tests/x.py::test_x[pt-br-decimal]"),
             SimpleNamespace(nodeid="tests/x.py::test_x[0x1F]")]
    pytest_collection_modifyitems(None, items)
