"""Evidence for a showcase: files checked by their content (never by their name) and links.

A file is read before anything is stored; a file that is not really a PDF, PNG, JPEG, CSV
or XLSX, or that is larger than ``SHOWCASE_EVIDENCE_MAX_BYTES``, is refused with a message
and nothing is written. Files go through Django's default storage under a path nobody can
guess, and are served only by permission-checked views.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from common.uploads import (
    ALLOWED_EXTENSIONS,
    FILE_TYPES,
    FileType,
    check_upload,
    save_on_commit,
    sniff,
)
from showcases.models import Evidence, EvidenceKind
from showcases.workflow import EDITABLE_STATES

__all__ = ["ALLOWED_EXTENSIONS", "FILE_TYPES", "FileType", "sniff", "validate_evidence_file",
           "attach_evidence", "remove_evidence"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_PER_SHOWCASE = 20


def max_bytes():
    return getattr(settings, "SHOWCASE_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def validate_evidence_file(*, upload):
    """Check an uploaded file by its content and size (``common.uploads.check_upload``);
    return its :class:`FileType`. Raises ``ValidationError`` on the ``file`` field."""
    return check_upload(upload=upload, limit=max_bytes())


def _check_may_add(showcase, by):
    if showcase.state not in EDITABLE_STATES:
        raise ValidationError({"file": _(
            "Evidence can be added while the showcase is a draft or back with the team."
        )})
    if showcase.evidence.count() >= MAX_EVIDENCE_PER_SHOWCASE:
        raise ValidationError({"file": _("A showcase holds at most %(n)s pieces of evidence.")
                               % {"n": MAX_EVIDENCE_PER_SHOWCASE}})


@transaction.atomic
def attach_evidence(*, showcase, by, upload=None, url="", title=""):
    """Attach a file (checked by content) or a link to ``showcase``; return the evidence.

    Exactly one of ``upload`` and ``url``. Nothing is stored when a check fails.
    """
    _check_may_add(showcase, by)
    url = (url or "").strip()
    title = (title or "").strip()[:200]
    if bool(upload) == bool(url):
        raise ValidationError({"file": _("Choose a file or give a link (one of the two).")})
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ValidationError({"url": _("Enter a full web address (https://…).")}) from error
        return Evidence.objects.create(
            showcase=showcase, kind=EvidenceKind.LINK, url=url, title=title, added_by=by
        )
    file_type = validate_evidence_file(upload=upload)
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    evidence = Evidence(
        showcase=showcase, kind=EvidenceKind.FILE, title=title, original_name=original,
        content_type=file_type.content_type, size=upload.size, added_by=by,
    )
    save_on_commit(evidence.file, f"evidence.{file_type.extensions[0]}", upload)
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(*, evidence, by):
    """Remove a piece of evidence (and its stored file) while the team may still edit."""
    showcase = evidence.showcase
    if showcase.state not in EDITABLE_STATES:
        raise ValidationError({"evidence": _("Evidence can be removed only while you edit.")})
    name = evidence.file.name if evidence.file else ""
    evidence.delete()
    if name:
        storage = evidence.file.storage
        transaction.on_commit(lambda: storage.delete(name))
