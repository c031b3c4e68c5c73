"""Staff edit the Leitbild, programs, IT targets and offers in the admin."""

from __future__ import annotations

from typing import ClassVar

from django.contrib import admin
from django.db.models import URLField

from bildungslandschaft.web.management import models


class PrincipleInline(admin.StackedInline):  # type: ignore[type-arg]
    model = models.Principle
    extra = 0


class GoalIndicatorInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.GoalIndicator
    extra = 1


class InstitutionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.ProgramInstitution
    extra = 1


@admin.register(models.Leitbild)
class LeitbildAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    inlines: ClassVar = [PrincipleInline]


@admin.register(models.Goal)
class GoalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "principle", "order")
    list_filter = ("principle",)
    inlines: ClassVar = [GoalIndicatorInline]


@admin.register(models.Program)
class ProgramAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "start", "funding")
    prepopulated_fields: ClassVar = {"slug": ("name",)}
    inlines: ClassVar = [InstitutionInline]


@admin.register(models.EquipmentTarget)
class EquipmentTargetAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("label", "indicator", "baseline_year", "target_year", "target_value")


@admin.register(models.Actor)
class ActorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides: ClassVar = {URLField: {"assume_scheme": "https"}}
    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(models.Offer)
class OfferAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides: ClassVar = {URLField: {"assume_scheme": "https"}}
    list_display = ("title", "actor", "topic", "stadtteil", "status", "submitted_at")
    list_filter = ("status", "topic", "target_group")
    search_fields = ("title", "description", "actor__name")
