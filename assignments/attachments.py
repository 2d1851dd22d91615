"""Files and links handed in with an assignment. Files are checked by their content and
size (``common.uploads``) before anything is stored; links must be full web addresses.
Files are served only by permission-checked views, under paths nobody can guess."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments.handing_in import start_submission
from assignments.models import Attachment, AttachmentKind, State
from common.uploads import check_upload, original_name, save_on_commit

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 20
EDITABLE_STATES = {State.DRAFT, State.REVISE}


def max_bytes():
    """The largest file accepted (``ASSIGNMENT_FILE_MAX_BYTES``, 10 MB by default)."""
    return getattr(settings, "ASSIGNMENT_FILE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _check_may_add(submission, field):
    if submission.state not in EDITABLE_STATES:
        raise ValidationError({field: _(
            "Files and links can be added while the assignment is a draft or back with the "
            "team for a revision."
        )})
    if submission.attachments.filter(removed_at__isnull=True).count() >= MAX_ATTACHMENTS:
        raise ValidationError({field: _("An assignment holds at most %(n)s files and links.")
                               % {"n": MAX_ATTACHMENTS}})


@transaction.atomic
def attach(*, city, assignment, by, upload=None, url="", title=""):
    """Hand in a file (checked by content) or a link with the city's work on
    ``assignment`` (started as a draft if need be). Exactly one of ``upload`` and ``url``;
    nothing is stored when a check fails. Returns the attachment."""
    url = (url or "").strip()
    title = (title or "").strip()[:200]
    if bool(upload) == bool(url):
        raise ValidationError({"file": _("Choose a file or give a link (one of the two).")})
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ValidationError({"url": _("Enter a full web address (https://…).")}) from error
        if len(url) > 500:
            raise ValidationError({"url": _("Keep the link under 500 characters.")})
    else:
        file_type = check_upload(upload=upload, limit=max_bytes())
    submission = start_submission(city=city, assignment=assignment, by=by)
    _check_may_add(submission, "url" if url else "file")
    if url:
        return Attachment.objects.create(
            submission=submission, kind=AttachmentKind.LINK, url=url, title=title, added_by=by
        )
    attachment = Attachment(
        submission=submission, kind=AttachmentKind.FILE, title=title,
        original_name=original_name(upload), content_type=file_type.content_type,
        size=upload.size, added_by=by,
    )
    save_on_commit(attachment.file, f"handed-in.{file_type.extensions[0]}", upload)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, attachment, by):
    """Take a file or link off the draft. One that a submitted revision holds is kept (for
    that revision's history) and only leaves the draft; any other is deleted with its file."""
    submission = attachment.submission
    if submission.state not in EDITABLE_STATES:
        raise ValidationError({"file": _(
            "Files and links can be removed only while the team edits the assignment."
        )})
    if attachment.revisions.exists():
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
        return
    name = attachment.file.name if attachment.file else ""
    storage = attachment.file.storage
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
