from django.urls import path

from bildungslandschaft.web.conference import views

app_name = "conference"
urlpatterns = [path("veranstaltungen/", views.events, name="events")]
