from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.report"
    label = "bila_report"
    verbose_name = "Bildungsbericht"
    default_auto_field = "django.db.models.BigAutoField"
