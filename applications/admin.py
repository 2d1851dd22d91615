"""Staff review of applications in the admin: filters, search, the eligibility checks, the
readiness rubric, internal notes, bulk decisions (calling the domain functions) and a CSV
export of the filtered list. """

import csv

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from applications import lifecycle as domain
from applications import question_admin  # noqa: F401  (the cohort's own questions)
from applications.answers import answer_columns, answers_of
from applications.eligibility import check_application
from applications.models import Application
from audit.admin_log import record_admin_action
from caching.admin_cache import CachedChangelistMixin
from cities.doors import allows
from common.admin_lists import PresentCountryFilter, country_column
from common.tables import safe_row

CSV_COLUMNS = [
    "id", "cohort", "state", "city_name", "region", "country", "population",
    "monthly_commitment_hours", "has_cdo", "mayor_name", "mayor_email",
    "mayor_commits_to_convening", "team_size", "eligible", "readiness_score", "submitted_at",
    "applicant",
]


class EligibilityFilter(admin.SimpleListFilter):
    title = gettext_lazy("eligibility")
    parameter_name = "eligible"

    def lookups(self, request, model_admin):
        return [("yes", _("Eligible")), ("no", _("Not eligible"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(eligible=self.value() == "yes")
        return queryset


def _bulk(verb, function, **options):
    def run(modeladmin, request, queryset):
        done = 0
        for application in queryset.select_related("cohort", "applicant", "city"):
            try:
                with transaction.atomic():
                    function(application=application, by=request.user, **options)
            except ValidationError as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                modeladmin.message_user(
                    request, f"{application.city_name}: {text}", messages.ERROR)
            else:
                record_admin_action(modeladmin=modeladmin, request=request, obj=application)
                done += 1
        if done:
            modeladmin.message_user(
                request, _("%(count)s application(s) %(verb)s.") % {"count": done, "verb": verb},
                messages.SUCCESS)
    return run


def _decision(description, run):
    return admin.action(description=description, permissions=["decide"])(run)


@admin.register(Application)
class ApplicationAdmin(CachedChangelistMixin, SimpleHistoryAdmin):
    list_display = ["city_name", "country_name", "region", "cohort", "state", "eligible",
                    "population", "readiness", "submitted_at"]
    list_filter = ["cohort", "state", ("country", PresentCountryFilter), EligibilityFilter]
    search_fields = ["city_name", "region", "country", "mayor_name", "mayor_email",
                     "applicant__email", "cdo_name"]
    list_select_related = ["cohort"]
    list_per_page = 50  # a page of 100 rows of nine columns took most of the request
    change_list_template = "applications/admin_change_list.html"  # "Export this list as CSV"
    date_hierarchy = None
    readonly_fields = ["state", "applicant", "city", "country_as_written", "eligibility_checks",
                       "team_display", "answers_display",
                       "letter_link", "submitted_at", "decided_at", "decided_by", "eligible"]
    fieldsets = [
        (gettext_lazy("Review"), {"fields": [
            "state", "eligibility_checks", "score_data_foundations", "score_leadership",
            "score_team", "internal_notes",
        ]}),
        (gettext_lazy("City"), {"fields": [
            "cohort", "applicant", "city", "city_name", "country", "country_as_written", "region",
            "time_zone",
            "population", "population_source", "population_year",
        ]}),
        (gettext_lazy("Leadership and team"), {"fields": [
            "has_cdo", "cdo_name", "cdo_title", "cdo_email", "no_cdo_statement",
            "monthly_commitment_hours", "mayor_name", "mayor_email",
            "mayor_commits_to_convening", "team_display",
        ]}),
        (gettext_lazy("Plans"), {"fields": [
            "priorities", "data_foundations", "answers_display", "letter_link", "submitted_at",
            "decided_at",
            "decided_by", "eligible",
        ]}),
    ]
    actions = ["start_review", "accept", "accept_over_capacity", "waitlist", "decline",
               "export_csv"]

    def get_readonly_fields(self, request, obj=None):
        # Staff score and annotate; the applicant's answers are theirs to change.
        editable = {"score_data_foundations", "score_leadership", "score_team",
                    "internal_notes"}
        names = [f for fs in self.fieldsets for f in fs[1]["fields"]]
        return [f for f in names if f not in editable]

    def has_add_permission(self, request):
        return False

    def has_decide_permission(self, request):
        """The door of the decision actions: the rule that names who decides."""
        return allows("can_decide_applications", request.user)

    country_name = country_column(model=Application)

    @admin.display(description=gettext_lazy("readiness (3–15)"))
    def readiness(self, obj):
        return obj.readiness_score

    @admin.display(description=gettext_lazy("eligibility checks"))
    def eligibility_checks(self, obj):
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{}: <strong>{}</strong> — {}</li>",
            ((c.label, _("met") if c.passed else _("not met"), c.message)
             for c in check_application(application=obj)),
        ))

    @admin.display(description=gettext_lazy("proposed senior team"))
    def team_display(self, obj):
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{} · {} · {}</li>",
            ((m.get("name"), m.get("email"), m["role_label"]) for m in obj.team_members()),
        ))

    @admin.display(description=gettext_lazy("answers to the cohort's questions"))
    def answers_display(self, obj):
        return format_html("<dl>{}</dl>", format_html_join(
            "", "<dt>{}</dt><dd>{}</dd>",
            ((answer.label, answer.file_name or answer.text)
             for _title, answers in answers_of(application=obj) for answer in answers),
        )) if obj.pk else "—"

    @admin.display(description=gettext_lazy("letter of commitment"))
    def letter_link(self, obj):
        if not obj.letter:
            return "—"
        return format_html('<a href="{}">{}</a>', f"/apply/applications/{obj.pk}/letter/",
                           _("Download the PDF"))

    # The decisions: the door of each is the rule ``can_decide_applications``.
    start_review = _decision(gettext_lazy("Start review"),
                             _bulk(gettext_lazy("taken into review"), domain.start_review))
    accept = _decision(gettext_lazy("Accept and admit the city"),
                       _bulk(gettext_lazy("accepted"), domain.accept_application))
    accept_over_capacity = _decision(
        gettext_lazy("Accept even over the cohort's capacity (override)"),
        _bulk(gettext_lazy("accepted"), domain.accept_application, override_capacity=True))
    waitlist = _decision(gettext_lazy("Waitlist"),
                         _bulk(gettext_lazy("waitlisted"), domain.waitlist_application))
    decline = _decision(gettext_lazy("Decline"),
                        _bulk(gettext_lazy("declined"), domain.decline_application))

    @admin.action(description=gettext_lazy("Export the selected applications as CSV"))
    def export_csv(self, request, queryset):
        return applications_csv(queryset.select_related("cohort", "applicant"))

    def changelist_view(self, request, extra_context=None):
        # "?export=csv" exports the whole filtered list, without selecting rows.
        if request.GET.get("export") == "csv":
            request.GET = request.GET.copy()
            request.GET.pop("export")
            changelist = self.get_changelist_instance(request)
            return applications_csv(changelist.get_queryset(request)
                                    .select_related("cohort", "applicant"))
        return super().changelist_view(request, extra_context)


def applications_csv(queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="applications.csv"'
    writer = csv.writer(response)
    applications = list(queryset)
    questions, answers = answer_columns(applications)
    writer.writerow(safe_row(CSV_COLUMNS + questions))
    for a in applications:
        writer.writerow(safe_row([
            a.pk, a.cohort.slug, a.state, a.city_name, a.region, a.country.code, a.population,
            a.monthly_commitment_hours, a.has_cdo, a.mayor_name, a.mayor_email,
            a.mayor_commits_to_convening, len(a.team or []), a.eligible, a.readiness_score,
            a.submitted_at.isoformat() if a.submitted_at else "", a.applicant.email,
            *answers[a.pk],
        ]))
    return response
