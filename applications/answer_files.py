"""The files an applicant may upload as an answer: checked by their content and size by
``common.uploads.check_upload`` (as showcase evidence and assignments are), then against the
types the question accepts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.labels import and_list
from common.uploads import FILE_TYPES, check_upload

MAX_FILE_MB = 20  # the largest limit staff may set
FILE_TYPE_CHOICES = [(key, file_type.label) for key, file_type in FILE_TYPES.items()]


def type_names(codes):
    """The accepted types of ``codes`` as words (``PDF and PNG``)."""
    return and_list([FILE_TYPES[code].label for code in codes if code in FILE_TYPES])


def accept_of(codes):
    """The ``accept`` attribute of a file input for ``codes`` (``.pdf,.png``)."""
    return ",".join(f".{ext}" for code in codes if code in FILE_TYPES
                    for ext in FILE_TYPES[code].extensions)


def content_type_of(code):
    return FILE_TYPES[code].content_type if code in FILE_TYPES else "application/octet-stream"


def extension_of(code):
    return FILE_TYPES[code].extensions[0] if code in FILE_TYPES else "bin"


def file_type_of(upload, *, allowed, max_mb):
    """The type key of ``upload`` if its content is one of the ``allowed`` types and it is
    at most ``max_mb`` megabytes; else a ``ValidationError`` that says what is accepted."""
    limit = min(max_mb or MAX_FILE_MB, MAX_FILE_MB) * 1024 * 1024
    try:
        file_type = check_upload(upload=upload, limit=limit)
    except ValidationError as error:
        raise ValidationError(error.message_dict["file"]) from None
    if file_type.key not in allowed:
        raise ValidationError(_("This question accepts %(types)s files only; this one is "
                                "%(label)s.") % {"types": type_names(allowed),
                                                 "label": file_type.label})
    return file_type.key
