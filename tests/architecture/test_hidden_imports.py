"""No import of the project's own code hidden inside a function: an import is written at the
top of its module, where the import graph (and a reader) sees it. The one exception is an
app's ``AppConfig.ready()``, which Django runs once the models are loaded (signals,
registries)."""

import ast

from tests.architecture.graph import CONTRACTS, ROOT

OURS = set(CONTRACTS["root_packages"])


def _hidden_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if path.name == "apps.py" and function.name == "ready":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in OURS:
                    yield f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"


def test_the_apps_import_their_own_code_at_the_top_of_each_module():
    hidden = [
        found
        for package in sorted(OURS)
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
        for found in _hidden_imports(path)
    ]
    assert hidden == []
