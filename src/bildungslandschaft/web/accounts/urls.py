from django.contrib.auth import views as auth_views
from django.urls import path

from bildungslandschaft.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("schule/", views.school, name="school"),
    path("intern/", views.internal, name="internal"),
    path("intern.csv", views.internal_csv, name="internal_csv"),
    path("protokoll/", views.audit_log, name="audit"),
    path("protokoll.csv", views.audit_csv, name="audit_csv"),
]
