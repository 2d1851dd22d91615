"""Every placeholder of a {% blocktranslate %} is a name the block itself binds.

Inside ``{% blocktranslate %}`` a ``{{ name }}`` is looked up as a plain context key: a
dotted name (``{{ request.path }}``) or a name the view does not pass (``{{ email }}``)
renders as nothing, silently ("Sign in with  and open this link again"). So each
placeholder must be declared by the tag (``with email=invitation.email``, ``count n=…``) or
bound by an earlier tag of the same template (``{% url … as login_url %}``,
``{% with x=… %}``, ``{% for x in … %}``).
"""

import re

import pytest
from django.template.base import Lexer, TokenType

from tests.i18n.test_templates_are_translated import _name, _templates

OPENS = re.compile(r"^blocktrans(?:late)?\b")
CLOSES = re.compile(r"^endblocktrans(?:late)?\b")


def _bound_by(tag):
    """Names a block tag binds: ``x=…``, ``as x``, ``for x, y in``."""
    names = set(re.findall(r"(\w+)\s*=", tag)) | set(re.findall(r"\bas\s+(\w+)", tag))
    loop = re.match(r"for\s+([\w\s,]+?)\s+in\b", tag)
    if loop:
        names |= {name.strip() for name in loop.group(1).split(",")}
    return names


def unbound_placeholders(source):
    """``[(placeholder, line)]`` of blocktranslate placeholders nothing binds."""
    problems, bound, block = [], set(), None
    for token in Lexer(source).tokenize():
        contents = token.contents.strip()
        if token.token_type == TokenType.BLOCK:
            if OPENS.match(contents):
                block = _bound_by(contents)
            elif CLOSES.match(contents):
                block = None
            elif block is None:
                bound |= _bound_by(contents)
        elif token.token_type == TokenType.VAR and block is not None:
            if contents not in block and contents not in bound:
                problems.append((contents, token.lineno))
    return problems


def test_the_check_finds_a_missing_and_a_dotted_placeholder():
    source = ('{% url "x" as login_url %}{% blocktranslate with city=c.name %}{{ city }} '
              '<a href="{{ login_url }}?next={{ request.path }}">in</a> {{ email }}'
              '{% endblocktranslate %}')
    assert unbound_placeholders(source) == [("request.path", 1), ("email", 1)]


@pytest.mark.parametrize("path", _templates(), ids=_name)
def test_every_blocktranslate_placeholder_is_bound(path):
    assert unbound_placeholders(path.read_text(encoding="utf-8")) == []
