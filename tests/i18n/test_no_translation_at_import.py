"""A text translated when its module is imported stays in the language active then (English)
for every reader: labels kept in a module-level dict or a class body (a timeline's kinds,
"Session attended") must be lazy (``gettext_lazy``). Checked in every module of every app
the import-layer contract lists (``root_packages``), from the code itself."""

import ast

from tests.architecture.graph import CONTRACTS, ROOT

EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _eager_names(tree):
    """The local names bound to Django's eager translation functions."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }


def translated_at_import(source):
    """Line numbers of eager translation calls made when the module is imported (outside
    any function or lambda)."""
    tree = ast.parse(source)
    names = _eager_names(tree)
    lines = []

    def visit(node):
        if isinstance(node, SCOPES):
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            lines.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return lines


def test_the_check_finds_a_label_translated_at_import():
    source = (
        "from django.utils.translation import gettext as _\n"
        "KINDS = {'a': _('Application')}\n"
        "def label():\n    return _('Fine')\n"
        "class Form:\n    title = _('Too early')\n"
    )
    assert translated_at_import(source) == [2, 6]
    lazy = "from django.utils.translation import gettext_lazy as _\nKINDS = {'a': _('A')}\n"
    assert translated_at_import(lazy) == []


def test_no_text_is_translated_at_import():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in CONTRACTS["root_packages"]
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line in translated_at_import(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"use gettext_lazy for these module-level texts: {offenders}"
