"""Audit entries for logins, failed logins, logouts and role changes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from bildungslandschaft.web.accounts import audit
from bildungslandschaft.web.accounts.models import AuditEvent

User = get_user_model()


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit.record(user, AuditEvent.LOGIN, request=request)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record(user, AuditEvent.LOGOUT, request=request)


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # credentials never carry the password here: Django masks it before sending the signal
    audit.record(None, AuditEvent.LOGIN_FAILED, request=request, username=str(credentials.get("username", "")))


@receiver(m2m_changed, sender=User.groups.through)
def _groups_changed(sender: Any, instance: Any, action: str, pk_set: set[int] | None, **kwargs: Any) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Group):  # changed from the group's side: one entry per user
        names = [instance.name]
        users = list(User.objects.filter(pk__in=pk_set or ()))
    else:
        names = sorted(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
        users = [instance]
    verb = {"post_add": "Rolle erteilt", "post_remove": "Rolle entzogen", "post_clear": "alle Rollen entzogen"}[action]
    for user in users:
        audit.record(None, AuditEvent.ROLE_CHANGE, f"{verb}: {', '.join(names) or '-'}", username=user.get_username())


@receiver(pre_save, sender=User)
def _flags_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk is None:
        return
    before = User.objects.filter(pk=instance.pk).values("is_superuser", "is_staff", "is_active").first()
    if before is None:
        return
    changes = [
        f"{flag}: {before[flag]} → {getattr(instance, flag)}"
        for flag in before
        if before[flag] != getattr(instance, flag)
    ]
    if changes:
        audit.record(None, AuditEvent.ROLE_CHANGE, "; ".join(changes), username=instance.get_username())
