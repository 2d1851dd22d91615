from django.urls import path

from assignments import views

app_name = "assignments"

urlpatterns = [
    path("", views.curriculum, name="curriculum"),
    path("assignments/<int:pk>/", views.assignment_page, name="assignment"),
    path("assignments/<int:pk>/files/", views.attachment_add, name="attachment-add"),
    path("assignments/<int:pk>/files/<int:attachment_id>/", views.attachment_download,
         name="attachment"),
    path("assignments/<int:pk>/files/<int:attachment_id>/remove/", views.attachment_remove,
         name="attachment-remove"),
    path("assignments/<int:pk>/submit/", views.assignment_submit, name="submit"),
    path("assignments/<int:pk>/review/", views.assignment_review, name="review"),
]
