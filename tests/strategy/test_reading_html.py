"""The document's initiatives and roadmap rows written in Python (strategy.reading_html) are
byte for byte what the templates' loops wrote, escaping included, in every language."""

import pytest
from django.template import Context, Template
from django.utils import translation

from strategy.roadmap import roadmap_table

#: The loops as ``_document.html`` and ``_roadmap.html`` wrote them before.
INITIATIVES = Template(
    '{% load i18n strategy_tags %}{% for i in initiatives %}\n  <div class="initiative">\n'
    "    <h4>{{ i.title }}</h4>\n"
    '    <p class="initiative-meta">{{ i|quarters_label }} · {% translate "Owner:" %} '
    '{{ i.owner|default:"—" }} · {% translate "Status:" %} {{ i.status|status_label }}</p>\n'
    "    {% if i.description %}<p>{{ i.description|linebreaksbr }}</p>{% endif %}\n"
    '    {% if i.resources %}<p><strong>{% translate "Resources or budget:" %}</strong> '
    "{{ i.resources }}</p>{% endif %}\n"
    '    {% if i.dependencies %}<p><strong>{% translate "Dependencies:" %}</strong> '
    "{{ i.dependencies }}</p>{% endif %}\n"
    '    {% if i.practice_areas %}<p class="tags"><strong>{% translate "Practice areas:" %}'
    '</strong> {{ i.practice_areas|practice_areas|join:", " }}</p>{% endif %}\n  </div>\n'
    '  {% empty %}\n  <p>{% translate "No initiatives yet." %}</p>\n  {% endfor %}'
)
ROWS = Template(
    "{% load i18n %}{% for row in rows %}\n    <tr><td>{{ row.component }}</td>"
    "<td>{{ row.title }}</td><td>{{ row.when }}</td><td>{{ row.owner|default:\"—\" }}</td>"
    "<td>{{ row.status }}</td></tr>\n  {% empty %}\n    <tr><td colspan=\"5\">"
    '{% translate "No initiatives yet." %}</td></tr>\n  {% endfor %}'
)
NEW_INITIATIVES = Template("{% load strategy_tags %}{{ initiatives|initiatives_html }}")
NEW_ROWS = Template("{% load strategy_tags %}{{ rows|roadmap_rows_html }}")


def _initiative(**fields):
    return {"id": 1, "title": "Open data", "description": "", "year": 1, "quarters": [],
            "owner": "", "resources": "", "dependencies": "", "status": "planned",
            "practice_areas": [], **fields}


TRICKY = [
    _initiative(),
    _initiative(title='<b>"Fish" & chips\'</b>', description="One\nTwo\r\n<three>",
                year=2, quarters=[1, 3], owner="A & B", resources="$5 <k>",
                dependencies="'IT'", status="in_progress",
                practice_areas=["open_data", "budget_finance", "not-a-tag<"]),
    _initiative(status="unknown&", year=3, quarters=[4], owner="Mayor's office"),
]


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
@pytest.mark.parametrize("initiatives", [[], TRICKY], ids=["none", "tricky"])
def test_initiatives_html_is_what_the_loop_wrote(language, initiatives):
    with translation.override(language):
        context = {"initiatives": initiatives}
        assert (NEW_INITIATIVES.render(Context(context))
                == INITIATIVES.render(Context(context)))


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
@pytest.mark.parametrize("initiatives", [[], TRICKY], ids=["none", "tricky"])
def test_roadmap_rows_html_is_what_the_loop_wrote(language, initiatives):
    snapshot = {"components": [{"title": "Data <& governance>", "initiatives": initiatives}]}
    with translation.override(language):
        context = {"rows": roadmap_table(snapshot)}
        assert NEW_ROWS.render(Context(context)) == ROWS.render(Context(context))
