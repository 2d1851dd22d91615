from django.urls import path

from cities import timeline_views, views

app_name = "cities"

urlpatterns = [
    path("", views.city_home, name="home"),
    path("timeline/", timeline_views.timeline, name="timeline"),
]
