"""Uploaded files checked by their content (never by their name) and size, for every app
that accepts documents from a city (showcase evidence, assignment hand-ins).

A file is read before anything is stored; a file that is not really a PDF, PNG, JPEG, CSV
or XLSX, or that is larger than the caller's limit, is refused with a message on the
field and nothing is written.
"""

import csv
import io
import secrets
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
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
