from django.urls import path

from showcases import staff_views

app_name = "staff_showcases"

urlpatterns = [
    path("", staff_views.staff_showcases, name="home"),
    path("<int:pk>/schedule/", staff_views.staff_schedule, name="schedule"),
    path("<int:pk>/publish/", staff_views.staff_publish, name="publish"),
]
