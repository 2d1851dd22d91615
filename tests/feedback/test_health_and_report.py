"""The feedback figures feed the cohort health dashboard (a column per city) and the
end-of-program report (a table per kind of session), equal to the rows."""

from django.utils import timezone

from dashboards.health import cohort_health
from dashboards.report import end_of_program_html
from feedback.answers import give_feedback
from feedback.asking import ask_for_feedback


def test_each_citys_feedback_column_counts_its_peoples_rows(fb):
    ask_for_feedback()  # asks Alpha's CDO and policy lead, and Beta's CDO
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=5)
    cells = {row.city.slug: row.cells["feedback"] for row in cohort_health(cohort=fb.cohort)}
    assert cells["alpha"].text == "1 of 2 answered · average 5.0"
    assert (cells["alpha"].rag, cells["alpha"].value) == ("amber", 50)
    assert cells["beta"].text.startswith("0 of 1 answered") and cells["beta"].rag == "red"
    give_feedback(session=fb.workshop, user=fb.policy, city=fb.city, rating=2)
    alpha = next(r for r in cohort_health(cohort=fb.cohort) if r.city.slug == "alpha")
    assert alpha.cells["feedback"].text == "2 of 2 answered · average 3.5"
    assert alpha.cells["feedback"].rag == "green"


def test_a_city_never_asked_has_no_data(fb):
    cells = {row.city.slug: row.cells["feedback"] for row in cohort_health(cohort=fb.cohort)}
    assert cells["alpha"].rag == "none" and cells["alpha"].text == "Not asked yet"


def test_the_end_of_program_report_has_the_feedback_per_kind(fb):
    ask_for_feedback()
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=4)
    give_feedback(session=fb.workshop, user=fb.other_cdo, city=fb.other, rating=2)
    html = end_of_program_html(cohort=fb.cohort, language="en", today=timezone.localdate())
    section = html.split("Session feedback by kind of session")[1]
    workshop = section.split("<th>Workshop</th>")[1].split("</tr>")[0]
    cells = [c.split("<")[0] for c in workshop.split("<td>")[1:]]
    # sessions held, asked, answered (rate), average, people per rating 1 to 5
    assert cells[:2] == ["1", "3"] and cells[2].startswith("2") and cells[3] == "3.0"
    assert cells[4:] == ["0", "1", "0", "1", "0"]
