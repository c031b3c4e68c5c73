from django.urls import path

from bildungslandschaft.web.management import views

app_name = "management"
urlpatterns = [
    path("leitbild/", views.leitbild, name="leitbild"),
    path("angebote/", views.offers, name="offers"),
]
