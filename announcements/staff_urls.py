"""Staff pages of announcements, under ``/staff/`` in the "staff" namespace (config/urls.py)."""

from django.urls import path

from announcements import views

urlpatterns = [
    path("cohorts/<slug:slug>/announcements/", views.announcement_list, name="announcements"),
    path("cohorts/<slug:slug>/announcements/<int:announcement_id>/",
         views.announcement_detail, name="announcement"),
]
