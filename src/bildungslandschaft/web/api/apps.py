from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.api"
    label = "bila_api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
