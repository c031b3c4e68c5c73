"""Admin pages: the audit log read-only, school accounts editable."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from bildungslandschaft.web.accounts.models import AuditEvent, SchoolAccount


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "action", "detail", "ip")
    list_filter = ("action",)
    search_fields = ("username", "detail")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:  # noqa: ARG002 - Django's signature
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:  # noqa: ARG002 - Django's signature
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:  # noqa: ARG002 - Django's signature
        return False


@admin.register(SchoolAccount)
class SchoolAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "school", "school_name")
    search_fields = ("user__username", "school", "school_name")
