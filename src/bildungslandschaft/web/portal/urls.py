from django.urls import path

from bildungslandschaft.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("indikatoren/", views.catalog, name="catalog"),
    path("indikatoren/<slug:indicator_id>/", views.indicator, name="indicator"),
    path("indikatoren/<slug:indicator_id>/daten.<str:fmt>", views.download, name="download"),
    path("indikatoren/<slug:indicator_id>/datapackage.json", views.datapackage, name="datapackage"),
    path("stadtteile/", views.stadtteile, name="stadtteile"),
    path("stadtteile/<slug:code>/", views.stadtteil, name="stadtteil"),
    path("vergleich/", views.compare, name="compare"),
    path("quellen/", views.sources, name="sources"),
]
