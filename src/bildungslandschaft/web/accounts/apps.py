from django.apps import AppConfig


class Config(AppConfig):
    name = "bildungslandschaft.web.accounts"
    label = "bila_accounts"
    verbose_name = "Konten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bildungslandschaft.web.accounts import signals  # noqa: F401 - connects the audit receivers
