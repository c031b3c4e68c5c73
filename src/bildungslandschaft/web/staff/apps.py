from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.staff"
    label = "bila_staff"
    verbose_name = "Interner Bereich"
    default_auto_field = "django.db.models.BigAutoField"
