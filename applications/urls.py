from django.urls import path

from applications import answer_views, views

app_name = "apply"

urlpatterns = [
    path("", views.cohort_list, name="cohorts"),
    path("applications/", views.applications_mine, name="mine"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/withdraw/", views.application_withdraw, name="withdraw"),
    path("applications/<int:pk>/letter/", views.application_letter, name="letter"),
    path("applications/<int:pk>/answers/<int:question_id>/", answer_views.answer_file,
         name="answer_file"),
    path("<slug:cohort>/", views.start_application, name="start"),
]
