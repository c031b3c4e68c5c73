"""Accounts data: the audit log and the school an account belongs to."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One entry of the audit log: who did what, when (never edited, never deleted by the portal)."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCKOUT = "lockout"
    LOGOUT = "logout"
    IMPORT = "import"
    PUBLICATION = "publication"
    ROLE_CHANGE = "role_change"
    EXPORT = "export"
    ACTIONS: ClassVar[list[tuple[str, str]]] = [
        (LOGIN, "Anmeldung"),
        (LOGIN_FAILED, "Fehlgeschlagene Anmeldung"),
        (LOCKOUT, "Anmeldung gesperrt"),
        (LOGOUT, "Abmeldung"),
        (IMPORT, "Import"),
        (PUBLICATION, "Veröffentlichung"),
        (ROLE_CHANGE, "Rollenänderung"),
        (EXPORT, "Export (intern)"),
    ]

    at = models.DateTimeField("Zeitpunkt", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="Konto"
    )
    username = models.CharField("Kontoname", max_length=150, blank=True)
    action = models.CharField("Aktion", max_length=20, choices=ACTIONS, db_index=True)
    detail = models.TextField("Details", blank=True)
    ip = models.GenericIPAddressField("IP-Adresse", null=True, blank=True)

    class Meta:
        ordering = ("-at", "-id")
        verbose_name = "Protokolleintrag"
        verbose_name_plural = "Protokoll"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.get_action_display()}"


class SchoolAccount(models.Model):
    """Links a school account to the one school (Schulnummer) whose figures it may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_account", verbose_name="Konto"
    )
    school = models.CharField("Schulnummer", max_length=8)
    school_name = models.CharField("Name der Schule", max_length=200, blank=True)

    class Meta:
        verbose_name = "Schulkonto"
        verbose_name_plural = "Schulkonten"

    def __str__(self) -> str:
        return f"{self.user} → {self.school}"
