from django.urls import path

from coaching import views

app_name = "coach"

urlpatterns = [
    path("", views.coach_home, name="home"),
]
