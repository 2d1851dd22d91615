"""Staff pages of cohorts, under ``/staff/`` in the "staff" namespace (config/urls.py)."""

from django.urls import path

from cohorts import staff_views

urlpatterns = [
    path("", staff_views.staff_home, name="home"),
]
