from functools import cached_property

from notifications.inbox import unread_count


class InboxContext:
    """The header's unread count, computed only when a template asks (one query)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def unread(self):
        user = getattr(self.request, "user", None)
        return unread_count(user=user) if user is not None else 0


def inbox(request):
    return {"inbox": InboxContext(request)}
