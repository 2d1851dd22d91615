"""Evidence for a showcase: files checked by their content (never by their name) and links.

A file is read before anything is stored; a file that is not really a PDF, PNG, JPEG, CSV
or XLSX, or that is larger than ``SHOWCASE_EVIDENCE_MAX_BYTES``, is refused with a message
and nothing is written. Files go through Django's default storage under a path nobody can
guess, and are served only by permission-checked views.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from showcases.models import Evidence, EvidenceKind
from showcases.workflow import EDITABLE_STATES

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_PER_SHOWCASE = 20


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    content_type: str
    extensions: tuple


FILE_TYPES = {
    "pdf": FileType("pdf", "PDF", "application/pdf", ("pdf",)),
    "png": FileType("png", "PNG", "image/png", ("png",)),
    "jpeg": FileType("jpeg", "JPEG", "image/jpeg", ("jpg", "jpeg")),
    "csv": FileType("csv", "CSV", "text/csv", ("csv",)),
    "xlsx": FileType(
        "xlsx", "XLSX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",),
    ),
}
ALLOWED_EXTENSIONS = tuple(ext for t in FILE_TYPES.values() for ext in t.extensions)


def max_bytes():
    return getattr(settings, "SHOWCASE_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _is_xlsx(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)


def _is_csv(data):
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if not text.strip():
        return False
    if any(ord(ch) < 32 and ch not in "\t\r\n\f" for ch in text):
        return False
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return False
    return bool(rows)


def sniff(data):
    """The :data:`FILE_TYPES` key the bytes really are, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return "xlsx" if _is_xlsx(data) else None
    return "csv" if _is_csv(data) else None


def validate_evidence_file(*, upload):
    """Check an uploaded file by its content and size; return its :class:`FileType`.

    Raises ``ValidationError`` on the ``file`` field with a message saying what is wrong.
    """
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError({"file": _(
            "This file is %(size)s; files may be at most %(limit)s."
        ) % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}})
    if not upload.size:
        raise ValidationError({"file": _("This file is empty.")})
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise ValidationError({"file": _("Files may be at most %(limit)s.") % {
            "limit": filesizeformat(limit)}})
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError({"file": _(
            "Upload a PDF, PNG, JPEG, CSV or XLSX file (this one is named “%(name)s”)."
        ) % {"name": name}})
    key = sniff(data)
    if key is None:
        raise ValidationError({"file": _(
            "“%(name)s” is not really a PDF, PNG, JPEG, CSV or XLSX file: its content "
            "does not match. Export it again in one of those formats."
        ) % {"name": name}})
    file_type = FILE_TYPES[key]
    if extension not in file_type.extensions:
        raise ValidationError({"file": _(
            "“%(name)s” is named like a .%(extension)s file but its content is %(label)s. "
            "Rename it or export it again."
        ) % {"name": name, "extension": extension, "label": file_type.label}})
    return file_type


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
    evidence.file.save(f"evidence.{file_type.extensions[0]}", upload, save=False)
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
