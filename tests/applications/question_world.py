"""A cohort's own questions for tests: one of each kind, in two sections, in three
languages (built through the domain functions, as staff build them)."""

import datetime

from applications.questions import add_question, add_section

ALL_LANGUAGES = {"en": "{}", "es": "{} (es)", "pt-br": "{} (pt)"}


def words(text):
    return {language: pattern.format(text) for language, pattern in ALL_LANGUAGES.items()}


def ask(section, kind, label, *, required=False, choices=(), help_text="", **rules):
    return add_question(
        section=section, kind=kind,
        wording={"label": words(label), "help_text": words(help_text) if help_text else {},
                 "choices": [{"value": str(n), "label": words(c)}
                             for n, c in enumerate(choices, start=1)]},
        rules={"required": required, **rules})


def add_every_kind(cohort):
    """``{kind: question}``: a question of each kind in two sections."""
    about = add_section(cohort=cohort, title={"en": "About your city", "es": "Sobre su ciudad",
                                              "pt-br": "Sobre sua cidade"})
    plans = add_section(cohort=cohort, title={"en": "Plans", "es": "Planes",
                                              "pt-br": "Planos"})
    return {
        "short_text": ask(about, "short_text", "Department", required=True),
        "long_text": ask(about, "long_text", "Story", word_limit=5),
        "number": ask(about, "number", "Analysts", min_number=0, max_number=50),
        "yes_no": ask(about, "yes_no", "Open data portal"),
        "single_choice": ask(plans, "single_choice", "Focus",
                             choices=["Housing", "Transit", "Health"]),
        "multiple_choice": ask(plans, "multiple_choice", "Tools",
                               choices=["Excel", "Python", "R"]),
        "date": ask(plans, "date", "Start", min_date=datetime.date(2026, 1, 1),
                    max_date=datetime.date(2027, 12, 31)),
        "file": ask(plans, "file", "Org chart", file_types=["pdf"], max_file_mb=1),
        "link": ask(plans, "link", "Portal address"),
    }
