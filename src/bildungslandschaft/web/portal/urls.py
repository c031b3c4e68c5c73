from django.urls import path

from bildungslandschaft.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("indikatoren/", views.catalog, name="catalog"),
    path("stadtteile/", views.stadtteile, name="stadtteile"),
    path("vergleich/", views.compare, name="compare"),
    path("quellen/", views.sources, name="sources"),
]
