from django.urls import path

from cities import views

app_name = "cities"

urlpatterns = [
    path("", views.city_home, name="home"),
]
