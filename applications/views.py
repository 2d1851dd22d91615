"""The public application portal under ``/apply/``.

Anyone sees the cohorts; applying needs an account (sign-up is opened from here, with
e-mail verification). An application is its applicant's and staff's only: anyone else gets
404, exactly as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.adapters import OPEN_SIGNUP_SESSION_KEY
from applications.answers import answers_of, record_answers
from applications.eligibility import check_application
from applications.forms import ApplicationForm
from applications.lifecycle import (
    WITHDRAWABLE,
    can_view_application,
    save_draft,
    submit_application,
    window_is_open,
    withdraw_application,
)
from applications.models import Application, ApplicationState
from cities.doors import allows, rule_required
from cohorts.models import Cohort


def cohort_list(request):
    """Cohorts with an application window: open ones first, closed ones marked closed."""
    now = timezone.now()
    cohorts = (
        Cohort.objects.filter(applications_open_at__isnull=False,
                              applications_close_at__isnull=False)
        .annotate(enrolled=Count("enrollments", distinct=True))
        .order_by("-applications_close_at")
    )
    mine = {}
    if request.user.is_authenticated:
        mine = {a.cohort_id: a for a in Application.objects.filter(applicant=request.user)}
    rows = [
        {"cohort": c, "open": c.applications_open_at <= now < c.applications_close_at,
         "upcoming": now < c.applications_open_at, "application": mine.get(c.pk)}
        for c in cohorts
    ]
    rows.sort(key=lambda r: not r["open"])
    return render(request, "applications/cohort_list.html", {"rows": rows})


def _own_application(request, pk, **kwargs):
    """The application of the URL if the person may see it (404 otherwise), once a request."""
    if "_application" not in request.__dict__:
        application = get_object_or_404(
            Application.objects.select_related("cohort", "applicant"), pk=pk
        )
        if not can_view_application(user=request.user, application=application):
            raise Http404
        request._application = application
    return request._application


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _form_page(request, form, cohort, application=None, status=200):
    instance = form.instance
    return render(request, "applications/application_form.html", {
        "form": form, "cohort": cohort, "application": application,
        "checks": check_application(application=instance),
        "window_open": window_is_open(cohort=cohort),
    }, status=status)


def _save_from_form(request, form, cohort):
    """Save the draft; with ``action=submit`` submit it too. Returns the app or None."""
    application = form.save(commit=False)
    application.cohort = cohort
    try:
        with transaction.atomic():
            save_draft(application=application, by=request.user)
            record_answers(application=application, answers=form.answers)
    except ValidationError as error:
        _apply_errors(form, error)
        return None
    if request.POST.get("action") == "submit":
        try:
            submit_application(application=application, by=request.user)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "team" in error.error_dict:
                form.mark_incomplete_rows()
            _apply_errors(form, error)
            messages.error(request, _(
                "Your draft is saved, but it cannot be submitted yet: see the messages below."))
            return None
        messages.success(request, _("Your application is submitted. Thank you!"))
    else:
        messages.success(request, _("Your draft is saved. You can come back to it any time."))
    return application


@require_http_methods(["GET", "POST"])
def start_application(request, cohort):
    """Start an application to ``cohort`` (or continue one's existing application)."""
    cohort = get_object_or_404(Cohort, slug=cohort)
    if not request.user.is_authenticated:
        request.session[OPEN_SIGNUP_SESSION_KEY] = True
        return render(request, "applications/sign_up_first.html", {
            "cohort": cohort, "next": urlencode({"next": request.path}),
        })
    existing = Application.objects.filter(cohort=cohort, applicant=request.user).first()
    if existing:
        return redirect(existing)
    if not window_is_open(cohort=cohort):
        messages.error(request, _("Applications to this cohort are closed."))
        return redirect("apply:cohorts")
    form = ApplicationForm(request.POST or None, request.FILES or None,
                           instance=Application(cohort=cohort, applicant=request.user))
    if request.method == "POST" and form.is_valid():
        application = _save_from_form(request, form, cohort)
        if application is not None:
            return redirect(application)
        if form.instance.pk:  # saved as a draft, but not submitted
            return _form_page(request, form, cohort, form.instance, status=400)
    status = 400 if request.method == "POST" else 200
    return _form_page(request, form, cohort, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@rule_required("can_work_on_application", obj=_own_application, methods=("POST",))
def application_detail(request, pk):
    """The applicant's application: editable while a draft, read-only afterwards."""
    application = _own_application(request, pk)
    editable = (application.state == ApplicationState.DRAFT
                and allows("can_work_on_application", request.user, application))
    if not editable:
        if request.method == "POST":  # staff read it; a submitted one is read-only
            raise PermissionDenied
        return render(request, "applications/application_detail.html", {
            "application": application, "checks": check_application(application=application),
            "answer_sections": answers_of(application=application),
        })
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=application)
    if request.method == "POST":
        if form.is_valid() and _save_from_form(request, form, application.cohort):
            return redirect(application)
        return _form_page(request, form, application.cohort, application, status=400)
    return _form_page(request, form, application.cohort, application)


@login_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request, pk):
    """Withdraw the application: ``GET`` asks for confirmation, ``POST`` withdraws.

    Only the applicant (anyone else: 404); an application that can no longer be withdrawn
    goes back to its page with the reason.
    """
    application = _own_application(request, pk)
    if application.applicant_id != request.user.pk:
        raise Http404
    if request.method == "GET":
        if application.state not in WITHDRAWABLE:
            messages.error(request, _("This application can no longer be withdrawn."))
            return redirect(application)
        return render(request, "applications/withdraw_confirm.html",
                      {"application": application})
    try:
        withdraw_application(application=application, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect(application)


@login_required
def application_letter(request, pk):
    """The letter of commitment, for the applicant and staff only."""
    application = _own_application(request, pk)
    if not application.letter:
        raise Http404
    return FileResponse(application.letter.open("rb"), content_type="application/pdf",
                        as_attachment=True, filename=f"letter-{application.pk}.pdf")


def applications_mine(request):
    """The signed-in person's applications (a short list, for the header link)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
    applications = (Application.objects.filter(applicant=request.user)
                    .select_related("cohort").order_by("-created_at"))
    return render(request, "applications/mine.html", {"applications": applications})



