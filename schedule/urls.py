from django.urls import path

from schedule import views

app_name = "schedule"

urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("schedule/<int:session_id>/", views.session_detail, name="session"),
    path("schedule/<int:session_id>/ics", views.session_ics_download, name="session_ics"),
    path("materials/<int:material_id>/", views.material_download, name="material"),
    path("hours/", views.hours, name="hours"),
]
