from django.urls import path

from stewardship import views

app_name = "stewardship"

urlpatterns = [
    path("", views.exports, name="exports"),
    path("<int:pk>/download/", views.download, name="download"),
]
