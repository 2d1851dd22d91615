"""Staff pages of the review panel, under ``/staff/`` in the "staff" namespace."""

from django.urls import path

from reviews import staff_panel, staff_views

urlpatterns = [
    path("cohorts/<slug:slug>/review/", staff_views.review_meeting, name="cohort_review"),
    path("cohorts/<slug:slug>/rubric/", staff_views.rubric, name="cohort_rubric"),
    path("cohorts/<slug:slug>/rubric/<int:criterion_id>/", staff_views.criterion_edit,
         name="cohort_criterion"),
    path("cohorts/<slug:slug>/reviewers/", staff_panel.cohort_assignments,
         name="cohort_assignments"),
    path("reviewers/", staff_panel.reviewer_list, name="reviewers"),
    path("applications/<int:pk>/reviews/", staff_views.application_reviews,
         name="application_reviews"),
]
