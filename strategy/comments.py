"""Comments on any section of the strategy, by the team and its coaches; they resolve."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.models import Comment

MAX_LENGTH = 5000


def comment_on_section(*, strategy, section, user, body):
    """Add ``user``'s comment on ``section`` of ``strategy``."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a comment first.")]})
    if len(body) > MAX_LENGTH:
        raise ValidationError({"body": [_("Keep comments under %(n)s characters.") % {
            "n": MAX_LENGTH}]})
    section = (section or "general").strip()[:80]
    return Comment.objects.create(strategy=strategy, section=section, author=user, body=body)


def resolve_comment(*, comment, user):
    """Mark ``comment`` resolved (or leave it as it is if it already is)."""
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), user
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
