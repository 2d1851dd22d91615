"""An uploaded file is written to storage only when the transaction that records it commits
(``common.uploads.save_on_commit``), and a stored file is deleted only then
(``delete_on_commit``): a save refused or failed after the write, or a request that rolls
back (``ATOMIC_REQUESTS``), would otherwise leave a file no record names (or a record naming
a file that is gone).

This finds every ``<file>.save(…, save=False)`` and ``<file>.delete(save=…)`` (the model
file field's own methods, which write or delete at once) in the project's packages
(importlinter's ``root_packages``). The demo's seed is the one package left out: it writes
its sample files outside any request, and reads them back at once.
"""

import ast

from tests.architecture.graph import CONTRACTS, ROOT

OURS = set(CONTRACTS["root_packages"]) - {"demo"}


def _immediate_file_writes(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("save", "delete")
                and any(keyword.arg == "save" for keyword in node.keywords)):
            yield f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node.func)}(…)"


def test_uploads_are_written_and_deleted_only_when_their_transaction_commits():
    found = [
        write
        for package in sorted(OURS)
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
        for write in _immediate_file_writes(path)
    ]
    assert found == []
