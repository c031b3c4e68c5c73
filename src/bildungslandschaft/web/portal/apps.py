from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.portal"
    label = "bila_portal"
    verbose_name = "Portal"
    default_auto_field = "django.db.models.BigAutoField"
