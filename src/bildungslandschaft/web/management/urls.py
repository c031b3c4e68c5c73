from django.urls import path

from bildungslandschaft.web.management import views

app_name = "management"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("leitbild/", views.leitbild, name="leitbild"),
    path("leitbild/kapitel.md", views.leitbild_chapter, name="leitbild_chapter"),
    path("programme/", views.programs, name="programs"),
    path("programme/<slug:slug>/", views.program, name="program"),
    path("it-ausstattung/", views.it_equipment, name="equipment"),
    path("angebote/", views.offers, name="offers"),
    path("angebote/melden/", views.submit_offer, name="submit_offer"),
    path("angebote/moderation/", views.moderation, name="moderation"),
    path("angebote/moderation/<int:pk>/", views.moderate, name="moderate"),
    path("angebote/angebote.csv", views.offers_csv, name="offers_csv"),
    path("angebote/angebote.json", views.offers_json, name="offers_json"),
    path("angebote/<int:pk>/", views.offer, name="offer"),
]
