from django.urls import path

from accounts import views

urlpatterns = [
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
