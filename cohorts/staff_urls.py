from django.urls import path

from cohorts import health_views, staff_calendar_views, staff_views

app_name = "staff"

urlpatterns = [
    path("", staff_views.staff_home, name="home"),
    path("cohorts/<slug:slug>/", staff_calendar_views.cohort_calendar, name="cohort_calendar"),
    path("cohorts/<slug:slug>/health/", health_views.cohort_dashboard, name="cohort_health"),
    path("cohorts/<slug:slug>/health.<str:fmt>", health_views.cohort_dashboard_export,
         name="cohort_health_export"),
    path("cohorts/<slug:slug>/report/", health_views.cohort_report, name="cohort_report"),
    path("cohorts/<slug:slug>/export/<slug:what>.<str:fmt>", health_views.cohort_export,
         name="cohort_export"),
    path("sessions/<int:session_id>/", staff_calendar_views.manage_session,
         name="manage_session"),
    path("sessions/<int:session_id>/attendance/", staff_calendar_views.attendance_checklist,
         name="attendance"),
]
