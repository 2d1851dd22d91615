"""The layout stays true: no import circle anywhere, the layers hold (import-linter), every app
has its place in the layers, and at most ten imports run up, each with its reason."""

import re
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

from tests.architecture.graph import (
    CONTRACTS,
    ROOT,
    describe_cycle,
    import_cycles,
    import_graph,
)

LAYERS = next(c for c in CONTRACTS["contracts"] if c["id"] == "layers")


def test_no_module_imports_itself_through_others():
    """Module level, across the whole project, imports inside functions included: a domain
    module never imports its tasks (the tasks import it), two modules never need each other."""
    graph = import_graph()
    cycles = import_cycles(graph)
    report = "\n".join(
        f"{len(c)} modules import each other:\n{describe_cycle(graph, c)}" for c in cycles
    )
    assert cycles == [], "\n" + report


def test_the_apps_import_only_the_apps_below_them():
    """``lint-imports`` (import-linter) checks the layers contract in pyproject.toml."""
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--no-cache", "--no-logo"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_has_its_place_in_the_layers():
    """Each of the project's apps (and config) is a root package of the contract and sits on
    exactly one layer; no layer is optional (parenthesised) any more."""
    ours = {
        app.name.split(".")[0] for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR)
        and ".venv" not in Path(app.path).parts
    } | {"config"}
    placed = [name.strip() for layer in LAYERS["layers"] for name in layer.split("|")]
    assert [name for name in placed if name.startswith("(")] == []
    assert sorted(placed) == sorted(set(placed))
    assert set(placed) == ours
    assert set(CONTRACTS["root_packages"]) == ours


def test_at_most_ten_imports_run_up_each_with_its_reason():
    """The allowlist of upward imports in pyproject.toml: ten at most, a comment above each."""
    text = (ROOT / "pyproject.toml").read_text()
    block = re.search(r"^ignore_imports = \[(.*?)^\]", text, re.S | re.M).group(1)
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    entries = [i for i, line in enumerate(lines) if not line.startswith("#")]
    assert len(entries) == len(LAYERS.get("ignore_imports", []))
    assert len(entries) <= 10
    assert [lines[i] for i in entries if i == 0 or not lines[i - 1].startswith("#")] == []
