from django.urls import path

from dashboards import city_views, timeline_views

app_name = "dashboards"

urlpatterns = [
    path("", city_views.city_home, name="city_home"),
    path("timeline/", timeline_views.timeline, name="timeline"),
]
