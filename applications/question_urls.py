"""Staff pages of a cohort's own application questions, under ``/staff/`` in the "staff"
namespace (config/urls.py)."""

from django.urls import path

from applications import question_views as views

urlpatterns = [
    path("cohorts/<slug:slug>/questions/", views.question_list, name="questions"),
    path("cohorts/<slug:slug>/questions/add/", views.question_edit, name="question_add"),
    path("cohorts/<slug:slug>/questions/<int:question_id>/", views.question_edit,
         name="question"),
    path("cohorts/<slug:slug>/questions/sections/add/", views.section_edit,
         name="question_section_add"),
    path("cohorts/<slug:slug>/questions/sections/<int:section_id>/", views.section_edit,
         name="question_section"),
    path("cohorts/<slug:slug>/questions/preview/", views.question_preview,
         name="questions_preview"),
]
