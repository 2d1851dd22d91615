"""``/c/<city>/coaching/…``: the city's coaching pages."""

from django.urls import path

from coaching import city_views as views
from coaching import transcript_views

app_name = "coaching"

urlpatterns = [
    path("", views.coaching_page, name="page"),
    path("checkins/new/", views.checkin_new, name="checkin_new"),
    path("checkins/autosave/", views.checkin_autosave, name="checkin_autosave"),
    path("checkins/<int:pk>/", views.checkin_detail, name="checkin"),
    path("action-items/new/", views.action_item_create, name="action_item_create"),
    path("action-items/<int:pk>/", views.action_item_update, name="action_item_update"),
    path("requests/new/", views.mayor_request_create, name="mayor_request_create"),
    path("requests/<int:pk>/answer/", views.mayor_request_answer, name="mayor_request_answer"),
    path("import/", transcript_views.transcript_upload, name="transcript_upload"),
    path("import/<int:pk>/", transcript_views.transcript_review, name="transcript"),
    path("import/<int:pk>/delete/", transcript_views.transcript_delete,
         name="transcript_delete"),
]
