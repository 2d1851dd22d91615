"""Staff pages of the curriculum's assignments, under ``/staff/`` in the "staff" namespace
(config/urls.py)."""

from django.urls import path

from assignments import staff_views as views

urlpatterns = [
    path("curriculum/assignments/", views.assignment_list, name="assignments"),
    path("curriculum/assignments/add/", views.assignment_edit, name="assignment_add"),
    path("curriculum/assignments/<int:assignment_id>/", views.assignment_edit,
         name="assignment"),
]
