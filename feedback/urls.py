from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.my_feedback, name="mine"),
    path("<int:session_id>/", views.answer, name="answer"),
]
