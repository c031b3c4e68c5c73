from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.accounts"
    label = "bila_accounts"
    verbose_name = "Konten"
    default_auto_field = "django.db.models.BigAutoField"
