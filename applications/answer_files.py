"""The files an applicant may upload as an answer: each type judged by its name *and* its
first bytes (a renamed executable is not a PDF), and by its size."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.labels import and_list

MAX_FILE_MB = 20  # the largest limit staff may set


def _is_text(head):
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


ZIP = (b"PK\x03\x04",)
# type: (name, file-name endings, content type, how its first bytes begin (or a test))
FILE_TYPES = {
    "pdf": (gettext_lazy("PDF"), (".pdf",), "application/pdf", (b"%PDF-",)),
    "docx": (gettext_lazy("Word document (.docx)"), (".docx",),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    "xlsx": (gettext_lazy("Spreadsheet (.xlsx)"), (".xlsx",),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    "csv": (gettext_lazy("CSV table"), (".csv",), "text/csv", _is_text),
    "png": (gettext_lazy("PNG image"), (".png",), "image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": (gettext_lazy("JPEG image"), (".jpg", ".jpeg"), "image/jpeg", (b"\xff\xd8\xff",)),
}
FILE_TYPE_CHOICES = [(code, spec[0]) for code, spec in FILE_TYPES.items()]


def type_names(codes):
    """The allowed types of ``codes`` as words (``PDF and PNG image``)."""
    return and_list([str(FILE_TYPES[code][0]) for code in codes if code in FILE_TYPES])


def content_type_of(code):
    return FILE_TYPES.get(code, (None, None, "application/octet-stream"))[2]


def file_type_of(upload, *, allowed, max_mb):
    """The type code of ``upload`` if its name and first bytes are one of the ``allowed``
    types and it is at most ``max_mb`` megabytes; else a ``ValidationError`` that says what
    is accepted."""
    limit = min(max_mb or MAX_FILE_MB, MAX_FILE_MB)
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(_("The file is too large: the limit is %(mb)s MB.")
                              % {"mb": limit})
    name = (upload.name or "").lower()
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    for code in allowed:
        if code not in FILE_TYPES:
            continue
        _label, endings, _content_type, magic = FILE_TYPES[code]
        looks_right = magic(head) if callable(magic) else head.startswith(magic)
        if name.endswith(endings) and head and looks_right:
            return code
    raise ValidationError(_("This file is not one of the accepted types: %(types)s.")
                          % {"types": type_names(allowed)})
