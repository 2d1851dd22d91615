"""Who may do what in the review panel, registered once by name (``cities.doors``).

Reviewers (program staff and outside reviewers with two-factor authentication set up) work
on their own assignments without a conflict of interest; staff run the panel (rubric,
assignments, the decision meeting).
"""

import rules

from cities.doors import declare
from reviews.reviewers import ready_to_review


@rules.predicate
def is_ready_reviewer(user):
    return ready_to_review(user)


@rules.predicate
def reviews_assignment(user, assignment):
    return bool(assignment is not None and user.is_authenticated
                and assignment.reviewer_id == user.pk and not assignment.conflicted
                and ready_to_review(user))


declare(
    can_review=is_ready_reviewer,
    can_work_on_review=reviews_assignment,
)
