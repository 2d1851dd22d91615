import pytest
from django.core.management import call_command

from applications.models import Application
from applications.question_models import Answer, Question, QuestionSection
from applications.questions import questions_of
from common.multilingual import LANGUAGES

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_open_demo_cohort_asks_its_own_questions_and_its_applications_answer():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # safe to run twice: nothing doubles
    sections = QuestionSection.objects.filter(cohort__slug="demo-next-cohort")
    assert sections.count() == 3
    assert all(set(section.title) == set(LANGUAGES) for section in sections)
    questions = questions_of(cohort=sections[0].cohort)
    assert len({q.kind for q in questions}) == 9 == Question.objects.count()
    assert all(set(q.current.label) == set(LANGUAGES) for q in questions)
    answered = {a.city_name: a.answers.count()
                for a in Application.objects.filter(cohort__slug="demo-next-cohort")}
    assert answered["Millbrook"] == 8 and answered["Harborview"] == 2  # a draft, half done
    assert Answer.objects.filter(question__required=True).values("application").distinct(
        ).count() >= 6
