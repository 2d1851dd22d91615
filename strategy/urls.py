"""Portal pages of the strategy, under ``/c/<city>/strategy/``."""

from django.urls import path

from strategy.views import builder, documents, reading

app_name = "strategy"

urlpatterns = [
    path("", builder.overview, name="overview"),
    path("start/", builder.start, name="start"),
    path("step/<slug:step>/", builder.step, name="step"),
    path("autosave/", builder.autosave, name="autosave"),
    path("components/<slug:component>/initiatives/add/", builder.initiative_add,
         name="initiative_add"),
    path("initiatives/<int:pk>/", builder.initiative_edit, name="initiative_edit"),
    path("initiatives/<int:pk>/delete/", builder.initiative_delete, name="initiative_delete"),
    path("components/<slug:component>/metrics/add/", builder.metric_add, name="metric_add"),
    path("metrics/<int:pk>/", builder.metric_edit, name="metric_edit"),
    path("metrics/<int:pk>/delete/", builder.metric_delete, name="metric_delete"),
    path("read/", reading.read, name="read"),
    path("comments/", reading.comment_add, name="comment_add"),
    path("comments/<int:pk>/resolve/", reading.comment_resolve, name="comment_resolve"),
    path("submit/", reading.submit, name="submit"),
    path("decide/", reading.decide, name="decide"),
    path("versions/", reading.versions, name="versions"),
    path("versions/<int:number>/", reading.version_read, name="version"),
    path("versions/<int:number>/diff/", reading.version_diff, name="diff"),
    path("tracking/", reading.tracking, name="tracking"),
    path("pdf/", documents.pdf, name="pdf"),
    path("brief/", documents.brief, name="brief"),
    path("documents/retry/", documents.retry, name="retry"),
    path("documents/language/", documents.language, name="document_language"),
    path("documents/<int:pk>/", documents.download, name="download"),
]
