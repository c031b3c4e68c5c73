"""Staff data: which indicators are public, and uploads waiting for a decision."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class IndicatorVisibility(models.Model):
    """Publish or hide one indicator; an indicator without a row is public."""

    indicator_id = models.CharField("Indikator", max_length=100, unique=True)
    public = models.BooleanField("öffentlich", default=True)
    changed_at = models.DateTimeField("geändert am", auto_now=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "Sichtbarkeit eines Indikators"
        verbose_name_plural = "Sichtbarkeit der Indikatoren"

    def __str__(self) -> str:
        return f"{self.indicator_id}: {'öffentlich' if self.public else 'verborgen'}"


class StagedUpload(models.Model):
    """A file uploaded through the web, previewed and waiting to be committed or cancelled."""

    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file_name = models.CharField("Dateiname", max_length=255)
    stored_path = models.CharField(max_length=500)
    mapping_path = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField("hochgeladen am", auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        verbose_name = "Hochgeladene Datei (Vorschau)"
        verbose_name_plural = "Hochgeladene Dateien (Vorschau)"

    def __str__(self) -> str:
        return self.file_name
