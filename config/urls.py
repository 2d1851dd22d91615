from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from announcements import staff_urls as announcement_staff_urls
from applications import question_urls as question_staff_urls
from assignments import staff_urls as assignment_staff_urls
from cities import views as city_views
from cohorts import staff_urls as cohort_staff_urls
from common import views as ops_views
from common.api import NotFoundView
from dashboards import staff_urls as dashboard_staff_urls
from feedback import staff_urls as feedback_staff_urls
from followon import staff_urls as followon_staff_urls
from reviews import staff_urls as review_staff_urls
from schedule import staff_urls as schedule_staff_urls

# /staff/…: the staff pages of several apps, under one "staff" namespace.
STAFF_URLS = [
    *cohort_staff_urls.urlpatterns,
    *schedule_staff_urls.urlpatterns,
    *dashboard_staff_urls.urlpatterns,
    *announcement_staff_urls.urlpatterns,
    *question_staff_urls.urlpatterns,
    *assignment_staff_urls.urlpatterns,
    *feedback_staff_urls.urlpatterns,
    *followon_staff_urls.urlpatterns,
    *review_staff_urls.urlpatterns,
]

admin.site.site_header = _("Civic Accelerator — program staff")
admin.site.site_title = _("Civic Accelerator admin")
admin.site.index_title = _("Run the accelerator")

# Admin pages whose model moved to another app keep the address they always had (links in
# e-mails, bookmarks, the bench): the admin's "<app_label>/<model>/" → the old one.
ADMIN_PATHS_KEPT = {
    "applications/application/": "cities/application/",
    "schedule/session/": "cohorts/session/",
    "schedule/rsvp/": "cohorts/rsvp/",
    "schedule/attendance/": "cohorts/attendance/",
    "schedule/hoursentry/": "cohorts/hoursentry/",
}


def admin_urls():
    """``admin.site.urls``, with the pages of moved models at their old addresses (their URL
    names, such as ``admin:applications_application_change``, follow the new app)."""
    patterns, app_name, namespace = admin.site.urls
    patterns = [path(ADMIN_PATHS_KEPT[str(p.pattern)], include(p.urlconf_name))
                if str(p.pattern) in ADMIN_PATHS_KEPT else p for p in patterns]
    return patterns, app_name, namespace


urlpatterns = [
    path("", city_views.home, name="home"),
    path("healthz", ops_views.healthz, name="healthz"),
    path("favicon.ico", ops_views.favicon, name="favicon"),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin_urls()),
    path("staff/showcases/", include("showcases.staff_urls")),
    path("staff/coaching/", include("coaching.staff_urls")),
    path("staff/activity/", include("audit.urls")),
    path("staff/", include((STAFF_URLS, "staff"))),
    path("coach/", include("coaching.urls")),
    path("inbox/", include("notifications.urls")),
    path("account/", include("stewardship.account_urls")),
    path("c/<slug:city>/showcases/", include("showcases.urls")),
    path("library/", include("showcases.library_urls")),
    path("c/<slug:city>/coaching/", include("coaching.city_urls")),
    path("c/<slug:city>/strategy/", include("strategy.urls")),
    path("c/<slug:city>/curriculum/", include("assignments.urls")),
    path("c/<slug:city>/year-after/", include("followon.urls")),
    path("c/<slug:city>/assessment/", include("assessment.urls")),
    path("c/<slug:city>/export/", include("stewardship.urls")),
    path("c/<slug:city>/feedback/", include("feedback.urls")),
    path("c/<slug:city>/", include("dashboards.urls")),
    path("c/<slug:city>/", include("schedule.urls")),
    path("calendar/", include("schedule.calendar_urls")),
    path("apply/", include("applications.urls")),
    path("review/", include("reviews.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start-up script from a URL: no inline script (CSP).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
         name="api-docs"),
    # Last: any other path under /api/ is the API's JSON 404, never an HTML page.
    re_path(r"^api/", NotFoundView.as_view(), name="api-not-found"),
]

handler400 = "common.views.error_400"
handler403 = "common.views.error_403"
handler404 = "common.views.error_404"
handler500 = "common.views.error_500"
