"""All URLs of the portal; each app owns its own ``urls.py``."""

from django.contrib import admin
from django.urls import include, path

from bildungslandschaft.web.language import switch_language

urlpatterns = [
    path("", include("bildungslandschaft.web.portal.urls")),
    path("bericht/", include("bildungslandschaft.web.report.urls")),
    path("api/", include("bildungslandschaft.web.api.urls")),
    path("konto/", include("bildungslandschaft.web.accounts.urls")),
    path("steuerung/", include("bildungslandschaft.web.management.urls")),
    path("intern/", include("bildungslandschaft.web.staff.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sprache/<str:code>/", switch_language, name="language"),
    path("admin/", admin.site.urls),
    # conference pages live under /<event-slug>/…: keep this last
    path("", include("bildungslandschaft.web.conference.urls")),
]
