from django.urls import path

from showcases import views

app_name = "showcases"

urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("new/", views.showcase_new, name="new"),
    path("<int:pk>/", views.showcase_detail, name="detail"),
    path("<int:pk>/edit/", views.showcase_edit, name="edit"),
    path("<int:pk>/submit/", views.showcase_submit, name="submit"),
    path("<int:pk>/resubmit/", views.showcase_resubmit, name="resubmit"),
    path("<int:pk>/feedback/", views.showcase_feedback, name="feedback"),
    path("<int:pk>/accept/", views.showcase_accept, name="accept"),
    path("<int:pk>/present/", views.showcase_present, name="present"),
    path("<int:pk>/messages/", views.showcase_message, name="message"),
    path("<int:pk>/publication/", views.showcase_publication, name="publication"),
    path("<int:pk>/evidence/", views.evidence_add, name="evidence-add"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence_download, name="evidence"),
    path("<int:pk>/evidence/<int:evidence_id>/remove/", views.evidence_remove,
         name="evidence-remove"),
]
