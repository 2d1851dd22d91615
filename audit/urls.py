"""``/staff/activity/``: program staff's view of the history."""

from django.urls import path

from audit import views

app_name = "staff_activity"

urlpatterns = [
    path("", views.activity, name="activity"),
]
