"""Every word a template shows goes through {% translate %} / {% blocktranslate %}.

Each template is split with Django's own lexer; what is left of its plain text once tags,
comments, entities and symbols are removed must hold no letters. Attributes people read
(aria-label, title, alt, placeholder, value of buttons) are checked the same way.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates"
# The project's apps may keep templates of their own (showcases/templates/…): those too.
TEMPLATE_DIRS = [TEMPLATE_DIR] + sorted(
    Path(app.path) / "templates" for app in apps.get_app_configs()
    if Path(app.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(app.path).parts
    and (Path(app.path) / "templates").is_dir()
)
SKIP_TAGS = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', re.I)
TAG = re.compile(r"<[^>]*>", re.S)
NOT_WORDS = re.compile(r"&[a-z]+;|&#\d+;|[^A-Za-zÀ-ÿ]+")
# Plain-text templates that are not prose (e-mail subjects are checked like the rest).
EXEMPT = {"robots.txt"}


def _templates():
    return sorted(
        p for folder in TEMPLATE_DIRS for p in folder.rglob("*")
        if p.is_file() and p.suffix in {".html", ".txt", ".svg"}
    )


def _name(path):
    return str(path.relative_to(settings.BASE_DIR))


def shown_text(source):
    """The template's literal text with every tag and variable replaced by a blank,
    leaving out what {% blocktranslate %} and {% comment %} enclose."""
    parts, skipping = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if name in {"blocktranslate", "blocktrans", "comment"}:
                skipping = "end" + name
            elif name == skipping:
                skipping = None
            parts.append("\x01")
        elif token.token_type == TokenType.TEXT and not skipping:
            parts.append(token.contents)
        else:
            parts.append("\x01")
    return SKIP_TAGS.sub(" ", "".join(parts))


def untranslated_words(source):
    """The words of ``source`` that are shown to people but not marked for translation."""
    text = shown_text(source)
    words = []
    for value in READ_ATTRIBUTES.findall(text):
        words += NOT_WORDS.sub(" ", value).split()
    return words + NOT_WORDS.sub(" ", TAG.sub(" ", text)).split()


def test_the_checker_finds_plain_words():
    source = '<p>Hello {{ name }}</p><a title="Open">{% translate "x" %}</a>'
    assert sorted(untranslated_words(source)) == ["Hello", "Open"]
    assert untranslated_words('<p>{% translate "Hello" %} {{ name }}</p>') == []
    source = '<a href="{% url "x" %}">{% blocktranslate %}Hi{% endblocktranslate %}</a>'
    assert untranslated_words(source) == []


@pytest.mark.parametrize(
    "template", _templates(), ids=_name
)
def test_template_text_is_marked_for_translation(template):
    if template.name in EXEMPT:
        return
    words = untranslated_words(template.read_text())
    assert not words, f"{_name(template)} shows untranslated words: {words}"
