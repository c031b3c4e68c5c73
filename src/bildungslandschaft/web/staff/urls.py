from django.urls import path

from bildungslandschaft.web.staff import views

app_name = "staff"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.upload, name="upload"),
    path("import/<uuid:token>/", views.preview, name="preview"),
    path("importe/", views.imports, name="imports"),
    path("indikatoren/", views.indicators, name="indicators"),
]
