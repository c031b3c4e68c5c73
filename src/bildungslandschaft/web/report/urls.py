from django.urls import path

from bildungslandschaft.web.report import views

app_name = "report"
urlpatterns = [path("", views.index, name="index")]
