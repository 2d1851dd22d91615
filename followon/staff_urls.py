"""Staff pages of the year after, under ``/staff/`` in the "staff" namespace."""

from django.urls import path

from followon import staff_views

urlpatterns = [
    path("cohorts/<slug:slug>/alumni/", staff_views.alumni, name="alumni"),
    path("year-after/late/", staff_views.late, name="year_after_late"),
]
