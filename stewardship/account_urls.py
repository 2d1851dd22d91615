from django.urls import path

from stewardship import views

app_name = "account"

urlpatterns = [
    path("delete/", views.delete_my_account, name="delete"),
]
