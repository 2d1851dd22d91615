"""Staff pages of the schedule (``/staff/…``, namespace ``staff``: see config/urls.py)."""

from django.urls import path

from schedule import staff_calendar_views

urlpatterns = [
    path("cohorts/<slug:slug>/", staff_calendar_views.cohort_calendar, name="cohort_calendar"),
    path("sessions/<int:session_id>/", staff_calendar_views.manage_session,
         name="manage_session"),
    path("sessions/<int:session_id>/attendance/", staff_calendar_views.attendance_checklist,
         name="attendance"),
]
