from django.urls import path

from schedule import feed_views

app_name = "calendar"

urlpatterns = [
    path("", feed_views.calendar_settings, name="settings"),
    path("<str:token>.ics", feed_views.calendar_feed, name="feed"),
]
