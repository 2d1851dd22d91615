"""Data stewardship pages: a city's exports, and a person's account deletion."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cities.doors import allows, rule_required
from stewardship.deletion import cities_left_without_admin, delete_account
from stewardship.exports import KEEP_FOR, is_downloadable, is_stuck, request_city_export
from stewardship.forms import DeleteAccountForm
from stewardship.models import CityExport, ExportStatus

LISTED = 20


@require_http_methods(["GET", "POST"])
@rule_required("can_view_city_exports")
@rule_required("can_request_city_export", methods=("POST",))
def exports(request, city):
    """The city's data export: ask for a new one, see past ones, download a ready one."""
    if request.method == "POST":
        try:
            request_city_export(city=request.city, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Your export is being prepared. We will tell you in "
                    "your inbox when it is ready."
                ),
            )
        return redirect("stewardship:exports", city=request.city.slug)
    now = timezone.now()
    rows = [
        {
            "export": export,
            "downloadable": is_downloadable(export, now=now),
            "stuck": is_stuck(export),
            "expired": export.status == ExportStatus.EXPIRED
            or (export.status == ExportStatus.READY and not is_downloadable(export, now=now)),
        }
        for export in CityExport.objects.filter(city=request.city).select_related("requested_by")[
            :LISTED
        ]
    ]
    return render(
        request,
        "stewardship/exports.html",
        {
            "city": request.city,
            "rows": rows,
            "keep_days": KEEP_FOR.days,
            "pending": any(
                r["export"].status == ExportStatus.PENDING and not r["stuck"] for r in rows
            ),
            "can_request": allows("can_request_city_export", request.user, request.city),
        },
    )


@rule_required("can_view_city_exports")
def download(request, city, pk):
    """A ready archive, for the city's administrators and staff only, as an attachment."""
    export = get_object_or_404(CityExport, pk=pk, city=request.city)
    if not is_downloadable(export):
        raise Http404
    try:
        handle = export.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    stamp = (export.finished_at or export.created_at).strftime("%Y-%m-%d")
    return FileResponse(
        handle,
        as_attachment=True,
        content_type="application/zip",
        filename=f"{request.city.slug}-data-export-{stamp}.zip",
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request):
    """A person deletes their own account after confirming with their password."""
    blocking = cities_left_without_admin(user=request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            delete_account(user=request.user, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request, _("Your account has been deleted. Thank you for taking part.")
            )
            return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "stewardship/delete_account.html",
        {"form": form, "blocking": blocking},
        status=status,
    )
