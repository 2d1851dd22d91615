"""Staff pages of session feedback, under ``/staff/`` in the "staff" namespace."""

from django.urls import path

from feedback import staff_views

urlpatterns = [
    path("cohorts/<slug:slug>/feedback/", staff_views.cohort_feedback, name="feedback"),
    path("cohorts/<slug:slug>/feedback/<int:session_id>/", staff_views.session_feedback,
         name="session_feedback"),
]
