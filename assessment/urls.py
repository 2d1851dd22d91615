"""Portal pages of the assessment, under ``/c/<city>/assessment/``."""

from django.urls import path

from assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:kind>/", views.assessment_page, name="assessment"),
    path("<slug:kind>/files/<int:answer_id>/", views.evidence_file, name="file"),
    path("<slug:kind>/<slug:criterion>/", views.criterion_page, name="criterion"),
    path("<slug:kind>/<slug:criterion>/review/", views.review, name="review"),
    path("<slug:kind>/<slug:criterion>/initiative/", views.gap_to_initiative,
         name="initiative"),
]
