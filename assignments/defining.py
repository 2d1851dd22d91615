"""Staff define the curriculum's assignments (``curriculum.Assignment``): the domain
functions the staff pages (``/staff/curriculum/assignments/``) call to add, change, order,
hide and delete them.

The assignments are the program's, shared by every cohort's cities. Once a city has started
one (a ``Submission`` exists: a draft, or work handed in), it can no longer be deleted, since
that would delete the city's work with it; it can be hidden: cities no longer see it nor
count it, and what they handed in is kept.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from common.inputs import MAX_YEAR, MIN_YEAR
from curriculum.models import Assignment

FIELDS = ("module", "title", "instructions", "due_on")
MAX_TITLE = 200
MAX_INSTRUCTIONS = 20000


def is_started(*, assignment):
    """True once any city has started ``assignment`` (a draft or work handed in)."""
    return assignment.pk is not None and assignment.submissions.exists()


def _checked(*, module, title, instructions, due_on):
    title, instructions = (title or "").strip(), (instructions or "").strip()
    errors = {}
    if module is None:
        errors["module"] = [_("Choose the module the assignment belongs to.")]
    if not title:
        errors["title"] = [_("Give the assignment a title.")]
    elif len(title) > MAX_TITLE:
        errors["title"] = [_("Keep the title under %(limit)s characters.")
                           % {"limit": MAX_TITLE}]
    if len(instructions) > MAX_INSTRUCTIONS:
        errors["instructions"] = [_("Keep the instructions under %(limit)s characters.")
                                  % {"limit": f"{MAX_INSTRUCTIONS:,}"}]
    if due_on is None:
        errors["due_on"] = [_("Give the date the assignment is due.")]
    elif not MIN_YEAR <= due_on.year <= MAX_YEAR:
        errors["due_on"] = [_("Enter a date between the years %(first)s and %(last)s.")
                            % {"first": MIN_YEAR, "last": MAX_YEAR}]
    if errors:
        raise ValidationError(errors)
    return {"module": module, "title": title, "instructions": instructions, "due_on": due_on}


def _next_position(module):
    return (module.assignments.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def add_assignment(*, module, title, due_on, instructions=""):
    """A new assignment at the end of ``module``'s; raises ``ValidationError`` with a
    message per field (nothing is saved)."""
    values = _checked(module=module, title=title, instructions=instructions, due_on=due_on)
    return Assignment.objects.create(position=_next_position(module), **values)


@transaction.atomic
def edit_assignment(*, assignment, module, title, due_on, instructions=""):
    """Change an assignment's module, title, instructions or due date (cities' work on it
    is kept); moved to another module, it goes to that module's end."""
    values = _checked(module=module, title=title, instructions=instructions, due_on=due_on)
    if module.pk != assignment.module_id:
        assignment.position = _next_position(module)
    for name, value in values.items():
        setattr(assignment, name, value)
    assignment.save()
    return assignment


def hide_assignment(*, assignment, hidden=True):
    """Stop (or start again) showing ``assignment`` to cities; their work on it is kept."""
    assignment.hidden = hidden
    assignment.save(update_fields=["hidden"])
    return assignment


@transaction.atomic
def delete_assignment(*, assignment):
    """Delete an assignment no city has started; a started one can only be hidden."""
    if is_started(assignment=assignment):
        raise ValidationError(_(
            "Cities have started this assignment, so it cannot be deleted: hide it instead "
            "(their work is kept)."))
    assignment.delete()


@transaction.atomic
def move_assignment(*, assignment, step):
    """Move ``assignment`` one place up (``step=-1``) or down (``step=1``) among its
    module's; at either end nothing changes."""
    ordered = list(assignment.module.assignments.select_for_update()
                   .order_by("position", "due_on", "title", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == assignment.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(ordered):
        return assignment
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, other in enumerate(ordered, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    return assignment
