from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.conference"
    label = "bila_conference"
    verbose_name = "Bildungskonferenz"
    default_auto_field = "django.db.models.BigAutoField"
