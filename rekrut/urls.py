from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from rekrut.accounts.views import admin_sign_in
from rekrut.api.urls import api
from rekrut.careers.robots import robots_txt
from rekrut.careers.views import careers_sitemap
from rekrut.core.views import healthz, healthz_live, healthz_ready

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="desk:my_work", permanent=False)),
    path("healthz", healthz, name="healthz"),
    path("healthz/live", healthz_live, name="healthz_live"),  # process answers (no database)
    path("healthz/ready", healthz_ready, name="healthz_ready"),  # database, storage, cache answer
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("rekrut.accounts.urls")),
    path("", include("rekrut.desk.urls")),
    path("jobs/", include("rekrut.jobs.urls")),
    path("candidates/", include("rekrut.intake.urls")),
    path("interviews/", include("rekrut.interviews.urls")),
    path("medical/", include("rekrut.medical.urls")),
    path("assessments/", include("rekrut.assessments.urls")),
    path("tests/", include("rekrut.online_tests.urls")),
    path("scheduling/", include("rekrut.scheduling.urls")),
    path("offers/", include("rekrut.offers.urls")),
    path("onboarding/", include("rekrut.onboarding.urls")),
    path("contracts/", include("rekrut.contracts.urls")),
    path("portal/", include("rekrut.portal.urls")),
    path("", include("rekrut.privacy.urls")),  # portal/my-data/..., privacy/...
    path("careers/practice/", include("rekrut.practice.urls")),
    path("careers/", include("rekrut.careers.urls")),
    path("reports/", include("rekrut.reports.urls")),
    path("sitemap.xml", careers_sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("audit/", include("rekrut.events.urls")),
    path("", include("rekrut.notifications.urls")),  # sent-mail/, message-templates/
    path("api/v1/", api.urls),
    # Settings (the Django admin) has no sign-in form of its own: one door, with the lockout and limits.
    path("admin/login/", admin_sign_in),
    path("admin/", admin.site.urls),
]

admin.site.site_header = admin.site.site_title = "Rekrut"
handler404 = "rekrut.core.views.not_found"
handler403 = "rekrut.core.views.forbidden"
handler500 = "rekrut.core.views.server_error"
