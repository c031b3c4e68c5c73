"""The API under /api/ (django-ninja); the URL names live in the namespace ``api``."""

from bildungslandschaft.web.api.api import api

app_name = "api"
urlpatterns = api.urls[0]
