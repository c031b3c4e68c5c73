"""The login form with the rate limit in front of the password check."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from bildungslandschaft.web.accounts import audit, ratelimit
from bildungslandschaft.web.accounts.models import AuditEvent


class RateLimitedLoginForm(AuthenticationForm):
    """Refuses to check any password while the account name is locked for this address."""

    error_messages: ClassVar[dict[str, str]] = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Kontoname oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.",
        "locked": ratelimit.LOCKED_MESSAGE,
    }

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        ip = audit.client_ip(self.request)
        if ratelimit.is_locked(username, ip):
            audit.record(
                None, AuditEvent.LOCKOUT, "Anmeldeversuch während der Sperre", request=self.request, username=username
            )
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if ratelimit.register_failure(username, ip) >= ratelimit.MAX_FAILURES:
                audit.record(
                    None,
                    AuditEvent.LOCKOUT,
                    f"gesperrt für {ratelimit.LOCK_SECONDS // 60} Minuten",
                    request=self.request,
                    username=username,
                )
                raise forms.ValidationError(self.error_messages["locked"], code="locked") from None
            raise
        ratelimit.reset(username, ip)
        return cleaned
