"""Editing events in Django's admin: rooms, blocks, program, workshops with sessions, documentation."""

from __future__ import annotations

from typing import ClassVar

from django.contrib import admin

from bildungslandschaft.web.conference import models


class RoomInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.Room
    extra = 0


class BlockInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.Block
    extra = 0


class ProgramItemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.ProgramItem
    extra = 0
    filter_horizontal = ("speakers",)


@admin.register(models.Event)
class EventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "date", "venue", "registration_open", "assignment_published_at")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("title",)}
    inlines = (RoomInline, BlockInline, ProgramItemInline)


@admin.register(models.Speaker)
class SpeakerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "affiliation", "event")
    list_filter = ("event",)


class SessionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.Session
    extra = 0


@admin.register(models.Workshop)
class WorkshopAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("label", "title", "event")
    list_filter = ("event",)
    filter_horizontal = ("speakers",)
    inlines = (SessionInline,)


class SeatInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.Seat
    extra = 0


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "email", "organisation", "event", "created_at", "cancelled_at")
    list_filter = ("event",)
    search_fields = ("name", "email", "organisation")
    readonly_fields = ("token", "created_at", "anonymised_at")
    inlines = (SeatInline,)


class LinkInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.DocumentationLink
    extra = 0


class PhotoInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.Photo
    extra = 0


@admin.register(models.Documentation)
class DocumentationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("heading", "event", "order")
    list_filter = ("event",)
    inlines = (LinkInline, PhotoInline)
