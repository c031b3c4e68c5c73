"""Report chapters as staff edit them: Markdown with directives, in reading order."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bildungslandschaft.core.report.model import ChapterSource


class Chapter(models.Model):
    slug = models.SlugField(
        "Kurzname", unique=True, help_text="Für Adressen und Sprungmarken, z. B. allgemeinbildende-schulen"
    )
    position = models.PositiveIntegerField("Reihenfolge", default=10, help_text="Kapitel erscheinen aufsteigend")
    title = models.CharField("Überschrift", max_length=200)
    body = models.TextField("Text (Markdown mit Anweisungen)")
    updated_at = models.DateTimeField("geändert am", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="geändert von"
    )

    class Meta:
        ordering = ("position", "slug")
        verbose_name = "Kapitel"
        verbose_name_plural = "Kapitel"

    def __str__(self) -> str:
        return self.title

    def source(self) -> ChapterSource:
        return ChapterSource(self.slug, self.title, self.body)
