"""Every message the code sends people goes through gettext: an API error, a form error, a
page's flash message, a refused request. Found, not listed: every call, in every module of
every app of the import-layer contract, to an exception or response that carries a message
to a person (``NotFound("…")``, ``Response({"detail": "…"})``, ``messages.error(…)``,
``add_error(…)``), whose message is a bare English literal instead of ``_("…")``.
(``ValueError`` and other programmer errors say what went wrong to a developer: not here.)
"""

import ast

import pytest

from tests.architecture.graph import CONTRACTS, ROOT

# Calls whose arguments people read: DRF's and Django's errors, responses, flash messages.
SAYS_TO_PEOPLE = {
    "NotFound", "ValidationError", "ParseError", "PermissionDenied", "APIException",
    "NotAuthenticated", "AuthenticationFailed", "MethodNotAllowed", "Throttled",
    "UnsupportedMediaType", "NotAcceptable", "Response", "JsonResponse", "error_response",
    "HttpResponseBadRequest", "HttpResponseForbidden", "HttpResponseNotFound", "add_error",
    "success", "error", "warning", "info",
}
FLASH = {"success", "error", "warning", "info"}  # only as messages.<level>(request, …)


def _name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literals(node):
    """Bare prose literals in ``node``: strings (and f-strings) outside any call, looking
    through dicts' values, lists and tuples."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if " " in node.value.strip() else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [text] if " " in text.strip() else []
    if isinstance(node, ast.Dict):
        return [text for value in node.values for text in _literals(value)]
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [text for item in node.elts for text in _literals(item)]
    if isinstance(node, ast.BinOp):  # "…" % {…}
        return _literals(node.left)
    return []  # a call (gettext), a name: not a literal


def untranslated_messages(source):
    """``[(line, text)]`` of messages to people written as bare literals in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) not in SAYS_TO_PEOPLE:
            continue
        if _name(node.func) in FLASH and not (
            isinstance(node.func, ast.Attribute) and _name(node.func.value) == "messages"
        ):
            continue
        for arg in node.args:
            found += [(node.lineno, text) for text in _literals(arg)]
    return found


def _modules():
    for app in CONTRACTS["root_packages"]:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


MODULES = list(_modules())


def test_the_check_finds_bare_messages_and_passes_translated_ones():
    source = '''
raise NotFound("This city has not started its strategy yet.")
Response({"detail": "Internal error. The team has been told."}, status=500)
raise ValidationError({"consent": ["Send true or false."]})
messages.error(request, f"Nothing was saved for {name}.")
raise NotFound(_("Unknown document kind."))
Response({"detail": _("Send a JSON object ({…}), not %(kind)s.") % {"kind": kind}})
raise ValueError(f"Not a check-in field: {name}")
logger.error("Unhandled API error")
'''
    assert [line for line, _text in untranslated_messages(source)] == [2, 3, 4, 5]


def test_every_app_is_scanned():
    assert {path.parent.name for path in MODULES} >= {"strategy", "common", "followon"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_to_people_goes_through_gettext(path):
    assert untranslated_messages(path.read_text(encoding="utf-8")) == []
