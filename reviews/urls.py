from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="reviews"),
    path("<int:pk>/", views.review_detail, name="review"),
    path("<int:pk>/conflict/", views.review_conflict, name="conflict"),
    path("<int:pk>/files/<int:question_id>/", views.review_answer_file, name="answer_file"),
    path("invitations/<str:token>/", views.reviewer_invitation, name="invitation"),
]
