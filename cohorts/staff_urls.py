"""Staff pages of cohorts, under ``/staff/`` in the "staff" namespace (config/urls.py)."""

from django.urls import path

from cohorts import staff_calendar_views, staff_views

urlpatterns = [
    path("", staff_views.staff_home, name="home"),
    path("cohorts/<slug:slug>/", staff_calendar_views.cohort_calendar, name="cohort_calendar"),
    path("sessions/<int:session_id>/", staff_calendar_views.manage_session,
         name="manage_session"),
    path("sessions/<int:session_id>/attendance/", staff_calendar_views.attendance_checklist,
         name="attendance"),
]
