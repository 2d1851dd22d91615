"""Demo: the open cohort's own application questions, in three sections and three languages,
and the demo applications' answers to them (the draft answers some, the submitted ones all).
Safe to run twice: the questions are written once; an application answered already is left
as it is."""

from datetime import date

from applications.answers import clean_answer, record_answers
from applications.models import Application, ApplicationState
from applications.questions import add_question, add_section

SECTIONS = [
    ({"en": "Your data team", "es": "Su equipo de datos", "pt-br": "Sua equipe de dados"}, [
        ("short_text", True, {},
         {"en": "Which department leads data work?",
          "es": "¿Qué departamento dirige el trabajo con datos?",
          "pt-br": "Qual departamento lidera o trabalho com dados?"},
         {"en": "For example: the mayor's office, IT, planning.",
          "es": "Por ejemplo: la oficina del alcalde, tecnología, planificación.",
          "pt-br": "Por exemplo: o gabinete do prefeito, TI, planejamento."}, []),
        ("number", True, {"min_number": 0, "max_number": 200},
         {"en": "How many people work on data full time?",
          "es": "¿Cuántas personas trabajan con datos a tiempo completo?",
          "pt-br": "Quantas pessoas trabalham com dados em tempo integral?"}, {}, []),
        ("yes_no", False, {},
         {"en": "Does the city publish an open data portal?",
          "es": "¿La ciudad publica un portal de datos abiertos?",
          "pt-br": "A cidade publica um portal de dados abertos?"}, {}, []),
    ]),
    ({"en": "Priorities", "es": "Prioridades", "pt-br": "Prioridades"}, [
        ("single_choice", True, {},
         {"en": "Which area should the strategy improve first?",
          "es": "¿Qué área debería mejorar primero la estrategia?",
          "pt-br": "Qual área a estratégia deve melhorar primeiro?"}, {},
         [{"en": "Housing", "es": "Vivienda", "pt-br": "Moradia"},
          {"en": "Transit", "es": "Transporte", "pt-br": "Transporte"},
          {"en": "Public health", "es": "Salud pública", "pt-br": "Saúde pública"}]),
        ("multiple_choice", False, {},
         {"en": "Which tools does your team use?",
          "es": "¿Qué herramientas usa su equipo?",
          "pt-br": "Quais ferramentas sua equipe usa?"}, {},
         [{"en": "Spreadsheets", "es": "Hojas de cálculo", "pt-br": "Planilhas"},
          {"en": "Dashboards", "es": "Tableros", "pt-br": "Painéis"},
          {"en": "Python or R", "es": "Python o R", "pt-br": "Python ou R"}]),
        ("long_text", True, {"word_limit": 150},
         {"en": "Describe one decision that better data would have changed.",
          "es": "Describa una decisión que mejores datos habrían cambiado.",
          "pt-br": "Descreva uma decisão que dados melhores teriam mudado."}, {}, []),
    ]),
    ({"en": "Logistics", "es": "Logística", "pt-br": "Logística"}, [
        ("date", False, {"min_date": date(2026, 1, 1), "max_date": date(2028, 12, 31)},
         {"en": "When could your team start?", "es": "¿Cuándo podría empezar su equipo?",
          "pt-br": "Quando sua equipe poderia começar?"}, {}, []),
        ("link", False, {},
         {"en": "Link to your city's data portal or plan",
          "es": "Enlace al portal de datos o plan de su ciudad",
          "pt-br": "Link para o portal de dados ou plano da sua cidade"}, {}, []),
        ("file", False, {"file_types": ["pdf"], "max_file_mb": 5},
         {"en": "Organisation chart of the data team (PDF)",
          "es": "Organigrama del equipo de datos (PDF)",
          "pt-br": "Organograma da equipe de dados (PDF)"}, {}, []),
    ]),
]
ANSWERS = {
    "short_text": "Office of Performance and Innovation",
    "number": 4, "yes_no": True, "single_choice": "2", "multiple_choice": ["1", "2"],
    "long_text": "We rebuilt a bus route without ridership data and had to change it again "
                 "within a year.",
    "date": "2026-09-01", "link": "https://data.example.org",
}
DRAFT_ANSWERS = {"short_text", "number"}  # a draft half answered


def _questions(cohort):
    if cohort.questions.exists():
        return list(cohort.questions.select_related("current"))
    questions = []
    for title, asked in SECTIONS:
        section = add_section(cohort=cohort, title=title)
        for kind, required, rules, label, help_text, choices in asked:
            questions.append(add_question(
                section=section, kind=kind, rules={"required": required, **rules},
                wording={"label": label, "help_text": help_text, "choices": [
                    {"value": str(n), "label": c} for n, c in enumerate(choices, start=1)]}))
    return questions


def seed(demo):
    """The open demo cohort's questions, and its applications' answers."""
    cohort = demo["apply_cohort"]
    questions = _questions(cohort)
    applications = Application.objects.filter(cohort=cohort).exclude(
        city_name="Smallton").prefetch_related("answers")
    for application in applications:
        if application.answers.all():
            continue
        draft = application.state == ApplicationState.DRAFT
        record_answers(application=application, answers={
            q: clean_answer(question=q, value=ANSWERS[q.kind]) for q in questions
            if q.kind in ANSWERS and (not draft or q.kind in DRAFT_ANSWERS)})
