"""``/staff/coaching/…``: program staff's coaching pages."""

from django.urls import path

from coaching import views

app_name = "coaching_staff"

urlpatterns = [
    path("cadence/", views.cadence_watch, name="cadence"),
]
