"""Uploaded files checked by their content (never by their name) and size, for every app
that accepts documents from a city (showcase evidence, assignment hand-ins).

A file is read before anything is stored; a file that is not really a PDF, PNG, JPEG, CSV
or XLSX, or that is larger than the caller's limit, is refused with a message on the
field and nothing is written. An accepted file is written to storage only when the
transaction that records it commits (:func:`save_on_commit`): a save that fails later, or
a request that rolls back, leaves no file behind.
"""

import csv
import io
import secrets
import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


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
ACCEPT = ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


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


def check_upload(*, upload, limit, field="file"):
    """Check an uploaded file by its content and size; return its :class:`FileType`.

    Raises ``ValidationError`` on ``field`` with a message saying what is wrong.
    """
    if upload.size is not None and upload.size > limit:
        raise ValidationError({field: _(
            "This file is %(size)s; files may be at most %(limit)s."
        ) % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}})
    if not upload.size:
        raise ValidationError({field: _("This file is empty.")})
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise ValidationError({field: _("Files may be at most %(limit)s.") % {
            "limit": filesizeformat(limit)}})
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError({field: _(
            "Upload a PDF, PNG, JPEG, CSV or XLSX file (this one is named “%(name)s”)."
        ) % {"name": name}})
    key = sniff(data)
    if key is None:
        raise ValidationError({field: _(
            "“%(name)s” is not really a PDF, PNG, JPEG, CSV or XLSX file: its content "
            "does not match. Export it again in one of those formats."
        ) % {"name": name}})
    file_type = FILE_TYPES[key]
    if extension not in file_type.extensions:
        raise ValidationError({field: _(
            "“%(name)s” is named like a .%(extension)s file but its content is %(label)s. "
            "Rename it or export it again."
        ) % {"name": name, "extension": extension, "label": file_type.label}})
    return file_type


def original_name(upload):
    """The name the file had on the person's computer (no folders), at most 255 characters."""
    return (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]


def unguessable_path(folder, filename):
    """A storage path under ``folder`` nobody can guess, keeping ``filename``'s extension."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{secrets.token_hex(16)}/{secrets.token_urlsafe(24)}.{extension}"


def save_on_commit(file, name, content):
    """Store ``content`` as ``file`` (a model's file field, e.g. ``answer.file``) once the
    transaction commits, like ``file.save(name, content, save=False)`` but never before.

    The record gets its storage name now (the field's ``upload_to`` applied to ``name``), so
    the caller saves it in the same transaction; the file itself is written on commit. When
    the transaction rolls back (a later row refused, the request failed), nothing is written:
    no orphan file in storage. Should the storage pick another name (the name was taken), the
    record is pointed at it.
    """
    field, instance = file.field, file.instance
    file.name = field.generate_filename(instance, name)
    planned = file.name
    # A copy of our own: the upload may be closed (and its temporary file gone) by the time
    # the transaction commits. Kept in memory up to Django's upload threshold, else on disk.
    copy = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)
    for chunk in (content if isinstance(content, File) else File(content)).chunks():
        copy.write(chunk)
    copy.seek(0)

    def write():
        with copy:
            stored = file.storage.save(planned, File(copy, name=planned),
                                       max_length=field.max_length)
        if stored != planned:
            type(instance)._base_manager.filter(pk=instance.pk).update(**{field.attname: stored})
            file.name = stored

    transaction.on_commit(write)


def delete_on_commit(file):
    """Delete ``file``'s stored file once the transaction commits (a rollback keeps it, and
    the record that still names it)."""
    storage, name = file.storage, file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
