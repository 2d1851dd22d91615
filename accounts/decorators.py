"""View guards for pages that are not under a city (city pages are guarded by tenancy)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def role_required(test):
    """Visitors are sent to sign in; signed-in people who fail ``test(user)`` get a 403."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator


staff_required = role_required(lambda user: user.is_staff)
