"""Portal pages of the year after, under ``/c/<city>/year-after/``."""

from django.urls import path

from followon import views

app_name = "followon"

urlpatterns = [
    path("", views.year_after, name="page"),
    path("focus/", views.focus, name="focus"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
]
