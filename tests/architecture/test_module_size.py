"""No module of the project over 400 lines (migrations and tests aside): a module that grows
past it holds more than one thing and is split by what it does."""

from tests.architecture.graph import ROOT

LIMIT = 400
SKIPPED = {".venv", "node_modules", "tests", "staticfiles", "var"}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in SKIPPED or parts[0].startswith(".") or "migrations" in parts[:-1]:
            continue
        yield path


def test_no_module_is_over_400_lines():
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _modules()
    }
    assert len(sizes) > 100
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
