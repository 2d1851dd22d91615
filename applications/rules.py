"""Who may do what with an application, registered once by name (``cities.doors``).

The applicant works on their own application (saves the draft, submits, withdraws);
program staff decide (review, accept and admit, waitlist, decline).
"""

import rules

from cities.doors import declare
from cities.rules import is_program_staff


@rules.predicate
def is_applicant(user, application):
    return bool(application is not None and user.is_authenticated
                and application.applicant_id == user.pk)


declare(
    can_work_on_application=is_applicant,
    can_decide_applications=is_program_staff,
)
