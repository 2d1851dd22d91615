"""Handing in an assignment: draft → submitted → revise → submitted → accepted, every
revision kept, who is told, who may do each step (at the door), and bad input changing
nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scope, scopes_disabled

from assignments import attachments, handing_in
from assignments.models import Attachment, Revision, State, Submission
from notifications.models import Notification
from tests import factories


@pytest.fixture
def assignment(team):
    return factories.AssignmentFactory(title="Apply it: the data inventory")


def told(user, event):
    with scopes_disabled():
        return Notification.objects.filter(recipient=user, record__event=event).exists()


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def page(team, assignment, suffix=""):
    return f"/c/{team.city.slug}/curriculum/assignments/{assignment.pk}/{suffix}"


def test_the_full_round_trip_keeps_every_revision(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="We listed 40 datasets.")
        attachments.attach(city=team.city, assignment=assignment, by=team.cdo,
                           url="https://data.example.test/inventory", title="Inventory")
        first = handing_in.submit_assignment(submission=submission, by=team.cdo)
        assert submission.state == State.SUBMITTED and first.number == 1
        assert told(team.coach, "assignment.submitted")
        assert not told(team.other_coach, "assignment.submitted")

        handing_in.review_submission(submission=submission, by=team.coach, decision="revise",
                                     comment="Name an owner for each dataset.")
        assert submission.state == State.REVISE
        assert told(team.cdo, "assignment.revision_requested")
        assert not told(team.other_cdo, "assignment.revision_requested")

        handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                              text="We listed 40 datasets, each with an owner.")
        second = handing_in.submit_assignment(submission=submission, by=team.cdo)
        handing_in.review_submission(submission=submission, by=team.coach,
                                     decision="accepted")
        assert told(team.cdo, "assignment.accepted")

        revisions = list(Revision.objects.filter(submission=submission).order_by("number"))
    assert [(r.number, r.decision) for r in revisions] == [(1, "revise"), (2, "accepted")]
    assert revisions[0].text == "We listed 40 datasets."
    assert revisions[0].comment == "Name an owner for each dataset."
    assert revisions[1].text == "We listed 40 datasets, each with an owner."
    assert second.pk == revisions[1].pk
    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED and submission.accepted_at is not None


def test_the_history_is_shown_to_team_coach_and_staff(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="First try.")
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        handing_in.review_submission(submission=submission, by=team.coach, decision="revise",
                                     comment="Add the owners please.")
    for user in (team.cdo, team.mayor, team.coach, team.staff):
        body = client_of(user).get(page(team, assignment)).content.decode()
        assert "Revision 1" in body and "First try." in body
        assert "Add the owners please." in body


def test_an_empty_draft_cannot_be_submitted_and_nothing_changes(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="   ")
        with pytest.raises(ValidationError) as error:
            handing_in.submit_assignment(submission=submission, by=team.cdo)
        assert "text" in error.value.message_dict
        submission.refresh_from_db()
        assert submission.state == State.DRAFT
        assert not Revision.objects.exists()
    assert not told(team.coach, "assignment.submitted")


def test_a_submitted_assignment_is_not_edited_until_reviewed(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="Done.")
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        with pytest.raises(ValidationError):
            handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                  text="Changed behind the coach's back.")
        with pytest.raises(ValidationError):
            handing_in.submit_assignment(submission=submission, by=team.cdo)
        submission.refresh_from_db()
        assert submission.text == "Done."
        assert Revision.objects.count() == 1


def test_a_revision_needs_a_comment_and_a_draft_cannot_be_reviewed(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="Done.")
        with pytest.raises(ValidationError) as error:
            handing_in.review_submission(submission=submission, by=team.coach,
                                         decision="accepted")
        assert "decision" in error.value.message_dict
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        with pytest.raises(ValidationError) as error:
            handing_in.review_submission(submission=submission, by=team.coach,
                                         decision="revise", comment="  ")
        assert "comment" in error.value.message_dict
        with pytest.raises(ValidationError):
            handing_in.review_submission(submission=submission, by=team.coach,
                                         decision="maybe")
        submission.refresh_from_db()
        assert submission.state == State.SUBMITTED
        assert Revision.objects.get().decision == ""
    assert not told(team.cdo, "assignment.revision_requested")


def test_only_the_team_submits_and_only_the_coach_or_staff_review(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="Done.")
    for user, status in ((team.mayor, 403), (team.coach, 403), (team.staff, 403),
                         (team.other_cdo, 404)):
        assert client_of(user).post(page(team, assignment, "submit/")).status_code == status
    assert client_of(team.cdo).post(page(team, assignment, "submit/")).status_code == 302

    review = {"decision": "accepted"}
    for user, status in ((team.cdo, 403), (team.mayor, 403), (team.other_coach, 404),
                         (team.other_cdo, 404)):
        response = client_of(user).post(page(team, assignment, "review/"), review)
        assert response.status_code == status
    with scopes_disabled():
        assert Submission.objects.get(pk=submission.pk).state == State.SUBMITTED
    assert client_of(team.staff).post(page(team, assignment, "review/"), review).status_code \
        == 302
    with scopes_disabled():
        assert Submission.objects.get(pk=submission.pk).state == State.ACCEPTED


def test_a_revision_asked_without_a_comment_is_refused_on_the_page(team, assignment):
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="Done.")
        handing_in.submit_assignment(submission=submission, by=team.cdo)
    response = client_of(team.coach).post(page(team, assignment, "review/"),
                                          {"decision": "revise", "comment": ""})
    assert response.status_code == 400
    assert "Say what the team should change." in response.content.decode()
    with scopes_disabled():
        assert Submission.objects.get(pk=submission.pk).state == State.SUBMITTED


def test_a_file_is_checked_by_its_content_and_size_and_nothing_is_stored(
        team, assignment, settings, django_capture_on_commit_callbacks):
    client = client_of(team.cdo)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(page(team, assignment, "files/"), {"file": fake})
    assert response.status_code == 400
    assert "is not really a PDF" in response.content.decode()
    settings.ASSIGNMENT_FILE_MAX_BYTES = 50
    big = SimpleUploadedFile("big.csv", b"a,b\n" * 40, "text/csv")
    response = client.post(page(team, assignment, "files/"), {"file": big})
    assert response.status_code == 400
    assert "files may be at most 50" in response.content.decode()
    with scopes_disabled():
        assert not Submission.objects.exists() and not Attachment.objects.exists()

    good = SimpleUploadedFile("owners.csv", b"dataset,owner\npermits,clerk\n", "text/csv")
    with django_capture_on_commit_callbacks(execute=True):  # stored when the request commits
        assert client.post(page(team, assignment, "files/"), {"file": good}).status_code == 302
    with scopes_disabled():
        attachment = Attachment.objects.get()
    assert attachment.original_name == "owners.csv" and attachment.content_type == "text/csv"
    download = client.get(page(team, assignment, f"files/{attachment.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"dataset,owner\npermits,clerk\n"


def test_a_link_must_be_a_web_address(team, assignment):
    response = client_of(team.cdo).post(page(team, assignment, "files/"),
                                        {"url": "javascript:alert(1)"})
    assert response.status_code == 400
    with scopes_disabled():
        assert not Attachment.objects.exists()


def test_a_file_taken_off_the_draft_stays_in_the_revision_that_held_it(team, assignment):
    with scope(city=team.city):
        link = attachments.attach(city=team.city, assignment=assignment, by=team.cdo,
                                  url="https://data.example.test/v1", title="First version")
        submission = link.submission
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        handing_in.review_submission(submission=submission, by=team.coach, decision="revise",
                                     comment="Use the new version.")
        attachments.remove_attachment(attachment=link, by=team.cdo)
        attachments.attach(city=team.city, assignment=assignment, by=team.cdo,
                           url="https://data.example.test/v2", title="Second version")
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        first, second = Revision.objects.order_by("number")
        assert [a.title for a in first.attachments.all()] == ["First version"]
        assert [a.title for a in second.attachments.all()] == ["Second version"]


def test_the_curriculum_page_shows_what_the_team_has_done_per_pillar(team, assignment):
    other = factories.AssignmentFactory(module=assignment.module, title="Apply it: owners")
    session = factories.SessionFactory(cohort=team.cohort, module=assignment.module,
                                       title="Workshop: data inventories")
    with scope(city=team.city):
        submission = handing_in.save_draft(city=team.city, assignment=assignment, by=team.cdo,
                                           text="Done.")
        handing_in.submit_assignment(submission=submission, by=team.cdo)
        handing_in.review_submission(submission=submission, by=team.coach,
                                     decision="accepted")
    body = client_of(team.mayor).get(f"/c/{team.city.slug}/curriculum/").content.decode()
    assert "1 of 2 assignments accepted" in body
    assert "Apply it: the data inventory" in body and other.title in body
    assert session.title in body and "Not started" in body
    assert assignment.module.title in body and "Name the city&#x27;s key data" in body
