"""The education conference: event, rooms, program, registrations with ranked wishes, seats, documentation.

Thin models: the assignment, exports and seat changes live in ``core.conference``; the glue in
``web.conference.domain``. Everything personal hangs on `Registration` so that the purge
(`bila events purge`) finds it in one place.
"""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models

#: first path segments owned by other parts of the site: an event slug must not take them
RESERVED_SLUGS = frozenset(
    {
        "indikatoren",
        "stadtteile",
        "vergleich",
        "quellen",
        "bericht",
        "api",
        "konto",
        "steuerung",
        "intern",
        "admin",
        "i18n",
        "sprache",
        "static",
        "media",
        "veranstaltungen",
    }
)


def validate_event_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            "„%(slug)s“ ist bereits eine Adresse des Portals; bitte ein anderes Kürzel wählen.",
            params={"slug": value},
        )


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError("„%(zone)s“ ist keine IANA-Zeitzone (z. B. Europe/Berlin).", params={"zone": value})


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(models.Model):
    slug = models.SlugField("Kürzel (Adresse)", unique=True, validators=[validate_event_slug])
    title = models.CharField("Titel", max_length=200)
    subtitle = models.CharField("Untertitel", max_length=300, blank=True)
    date = models.DateField("Datum")
    venue = models.CharField("Ort", max_length=300)
    timezone = models.CharField("Zeitzone", max_length=64, default="Europe/Berlin", validators=[validate_timezone])
    description = models.TextField("Beschreibung", blank=True)
    registration_open = models.BooleanField("Anmeldung offen", default=True)
    assignment_published_at = models.DateTimeField("Zuteilung veröffentlicht am", null=True, blank=True)
    purge_after_days = models.PositiveIntegerField(
        "Personendaten löschen nach (Tagen)", default=90, help_text="Tage nach der Veranstaltung"
    )
    purged_at = models.DateTimeField("Personendaten gelöscht am", null=True, blank=True)
    privacy_contact = models.CharField("Verantwortliche Stelle (Datenschutz)", max_length=300, blank=True)

    class Meta:
        ordering = ("-date",)
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d.%m.%Y})"

    @property
    def purge_due(self) -> dt.date:
        return self.date + dt.timedelta(days=self.purge_after_days)


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField("Name", max_length=120)
    capacity = models.PositiveIntegerField("Plätze")
    step_free = models.BooleanField("stufenlos erreichbar", default=True)
    accessibility = models.CharField("Hinweise zur Barrierefreiheit", max_length=300, blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name = "Raum"
        verbose_name_plural = "Räume"

    def __str__(self) -> str:
        return self.name


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField("Name", max_length=200)
    affiliation = models.CharField("Einrichtung", max_length=300, blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name = "Mitwirkende:r"
        verbose_name_plural = "Mitwirkende"

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class Block(models.Model):
    """A time slot whose sessions run in parallel."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="blocks")
    title = models.CharField("Titel", max_length=200)
    start = models.TimeField("Beginn")
    end = models.TimeField("Ende")

    class Meta:
        ordering = ("start",)
        verbose_name = "Block (parallele Sessions)"
        verbose_name_plural = "Blöcke"

    def __str__(self) -> str:
        return f"{self.start:%H.%M} Uhr – {self.title}"


class Workshop(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="workshops")
    key = models.SlugField("Kürzel", max_length=60)
    label = models.CharField("Bezeichnung", max_length=60, blank=True, help_text="z. B. „Session II“")
    title = models.CharField("Titel", max_length=300)
    description = models.TextField("Beschreibung", blank=True)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="workshops", verbose_name="Mitwirkende")

    class Meta:
        ordering = ("label", "title")
        constraints = (models.UniqueConstraint(fields=("event", "key"), name="workshop_key_per_event"),)
        verbose_name = "Workshop"
        verbose_name_plural = "Workshops"

    def __str__(self) -> str:
        return f"{self.label}: {self.title}" if self.label else self.title


class Session(models.Model):
    """One run of a workshop in a block, in a room."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="sessions")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="sessions", verbose_name="Raum")
    limit = models.PositiveIntegerField("Teilnahmegrenze", null=True, blank=True, help_text="leer: Raumgröße")

    class Meta:
        ordering = ("block__start", "workshop__label", "workshop__title")
        constraints = (models.UniqueConstraint(fields=("workshop", "block"), name="workshop_once_per_block"),)
        verbose_name = "Session"
        verbose_name_plural = "Sessions"

    def __str__(self) -> str:
        return f"{self.workshop} ({self.block.start:%H.%M} Uhr, {self.room})"

    @property
    def capacity(self) -> int:
        """The smaller of the session limit and the room's seats."""
        return min(self.room.capacity, self.limit) if self.limit is not None else self.room.capacity


class ProgramItem(models.Model):
    KINDS = (
        ("begruessung", "Begrüßung"),
        ("einfuehrung", "Einführung"),
        ("impuls", "Impuls"),
        ("pause", "Pause"),
        ("sessions", "Parallele Sessions"),
        ("podium", "Podium"),
        ("abschluss", "Verabschiedung"),
        ("sonstiges", "Sonstiges"),
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="program")
    start = models.TimeField("Beginn")
    end = models.TimeField("Ende")
    kind = models.CharField("Art", max_length=20, choices=KINDS)
    label = models.CharField("Bezeichnung", max_length=60, blank=True, help_text="z. B. „Impuls I“")
    title = models.CharField("Titel", max_length=300)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="items", verbose_name="Mitwirkende")
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="Raum")
    block = models.ForeignKey(
        Block, null=True, blank=True, on_delete=models.SET_NULL, help_text="bei parallelen Sessions: der Block"
    )

    class Meta:
        ordering = ("start",)
        verbose_name = "Programmpunkt"
        verbose_name_plural = "Programmpunkte"

    def __str__(self) -> str:
        return f"{self.start:%H.%M} Uhr {self.title}"


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail")
    organisation = models.CharField("Organisation", max_length=300, blank=True)
    rankings = models.JSONField("Wünsche je Block", default=dict)  # {block pk: [workshop key, …]}
    excluded = models.JSONField("ausgeschlossene Workshops", default=list)  # [workshop key, …]
    accessibility_needs = models.TextField("Bedarfe zur Barrierefreiheit", blank=True)
    consent_at = models.DateTimeField("Einwilligung Datenschutz am")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("angemeldet am", auto_now_add=True)
    cancelled_at = models.DateTimeField("abgemeldet am", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisiert am", null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = "Anmeldung"
        verbose_name_plural = "Anmeldungen"

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class Seat(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="seats")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="seats")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="seats")
    pinned = models.BooleanField("festgesetzt", default=False)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("registration", "block"), name="one_seat_per_block"),)
        verbose_name = "Platz"
        verbose_name_plural = "Plätze"

    def __str__(self) -> str:
        return f"{self.registration.name} → {self.session}"


class Documentation(models.Model):
    """The write-up of one program item or workshop after the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documentation")
    order = models.PositiveIntegerField("Reihenfolge", default=0)
    heading = models.CharField("Überschrift", max_length=300)
    subheading = models.CharField("Titel des Beitrags", max_length=300, blank=True)
    workshop = models.ForeignKey(Workshop, null=True, blank=True, on_delete=models.SET_NULL)
    quote = models.TextField("Zitat", blank=True)
    quote_by = models.CharField("Zitat von", max_length=300, blank=True)
    summary = models.TextField("Zusammenfassung", blank=True)
    results_title = models.CharField("Ergebnisse: Überschrift", max_length=300, blank=True)
    results_note = models.CharField("Ergebnisse: Hinweis", max_length=500, blank=True)
    results = models.JSONField(
        "Ergebnisse", default=dict, blank=True, help_text='z. B. {"Pro": ["…"], "Contra": ["…"]}'
    )

    class Meta:
        ordering = ("order", "pk")
        verbose_name = "Dokumentation"
        verbose_name_plural = "Dokumentation"

    def __str__(self) -> str:
        return self.heading


class DocumentationLink(models.Model):
    documentation = models.ForeignKey(Documentation, on_delete=models.CASCADE, related_name="links")
    title = models.CharField("Titel", max_length=300)
    url = models.URLField("Adresse")

    class Meta:
        verbose_name = "Link"
        verbose_name_plural = "Links"

    def __str__(self) -> str:
        return self.title


class Photo(models.Model):
    documentation = models.ForeignKey(Documentation, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField("Bild", upload_to="konferenz/")
    alt_text = models.CharField("Alternativtext", max_length=300, help_text="Was ist zu sehen? (Pflicht)")
    caption = models.CharField("Bildunterschrift", max_length=300, blank=True)

    class Meta:
        verbose_name = "Foto"
        verbose_name_plural = "Fotos"

    def __str__(self) -> str:
        return self.alt_text
