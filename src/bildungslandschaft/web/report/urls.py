from django.urls import path

from bildungslandschaft.web.report import views

app_name = "report"
urlpatterns = [
    path("", views.index, name="index"),
    path("bericht.pdf", views.pdf, name="pdf"),
    path("bericht.css", views.stylesheet, name="css"),
    path("bearbeiten/", views.chapters, name="chapters"),
    path("bearbeiten/neu/", views.edit, name="new"),
    path("bearbeiten/<slug:slug>/", views.edit, name="edit"),
]
