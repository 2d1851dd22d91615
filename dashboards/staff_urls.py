"""Staff pages of dashboards, under ``/staff/`` in the "staff" namespace (config/urls.py)."""

from django.urls import path

from dashboards import health_views, impact_views

urlpatterns = [
    path("cohorts/<slug:slug>/health/", health_views.cohort_dashboard, name="cohort_health"),
    path("cohorts/<slug:slug>/health.<str:fmt>", health_views.cohort_dashboard_export,
         name="cohort_health_export"),
    path("cohorts/<slug:slug>/report/", health_views.cohort_report, name="cohort_report"),
    path("cohorts/<slug:slug>/export/<slug:what>.<str:fmt>", health_views.cohort_export,
         name="cohort_export"),
    path("cohorts/<slug:slug>/impact/", impact_views.impact_page, name="cohort_impact"),
    path("cohorts/<slug:slug>/impact.xlsx", impact_views.impact_xlsx,
         name="cohort_impact_xlsx"),
    path("cohorts/<slug:slug>/impact/pdf/", impact_views.impact_pdf, name="cohort_impact_pdf"),
]
