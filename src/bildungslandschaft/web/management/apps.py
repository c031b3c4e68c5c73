from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.management"
    label = "bila_management"
    verbose_name = "Bildungsmanagement"
    default_auto_field = "django.db.models.BigAutoField"
