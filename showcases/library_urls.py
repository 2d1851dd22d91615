from django.urls import path

from showcases import library_views

app_name = "library"

urlpatterns = [
    path("", library_views.library_list, name="list"),
    path("<int:pk>/", library_views.library_detail, name="detail"),
    path("<int:pk>/evidence/<int:evidence_id>/", library_views.library_evidence,
         name="evidence"),
]
