"""The inbox and notification preferences (a person's own, outside any city)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from notifications.forms import PreferencesForm
from notifications.inbox import inbox_of, mark_all_read, mark_read
from notifications.models import NotificationPreference
from notifications.services import set_preferences

PAGE_SIZE = 25


@login_required
def inbox(request):
    page = Paginator(inbox_of(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


def _safe_next(request, fallback="notifications:inbox"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def read(request, pk):
    mark_read(user=request.user, notification_id=pk)
    return _safe_next(request)


@login_required
@require_POST
def read_all(request):
    count = mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = dict(
        NotificationPreference.objects.filter(user=request.user).values_list(
            "category", "delivery"
        )
    )
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        set_preferences(user=request.user, deliveries=form.cleaned_data)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    status = 400 if request.method == "POST" else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)
