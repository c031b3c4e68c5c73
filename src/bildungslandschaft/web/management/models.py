"""Bildungsmanagement data: the Bildungsleitbild, programs, IT targets and the directory of offers.

Models hold what staff and actors enter; every figure shown next to them is computed from the
analytics store through the disclosure gate (`web.analytics.published`), never stored here.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]


def check_indicators(text: str) -> None:
    """Every comma-separated id must be an indicator of the catalog (German message naming the unknown ones)."""
    from bildungslandschaft.web.analytics import catalog

    known = catalog().indicators
    unknown = [part.strip() for part in text.split(",") if part.strip() and part.strip() not in known]
    if unknown:
        raise ValidationError(f"Unbekannte Indikatoren: {', '.join(unknown)} (Kennungen siehe Indikatorenkatalog).")


def check_years(baseline_year: int | None, target_year: int | None) -> None:
    if baseline_year is not None and target_year is not None and target_year <= baseline_year:
        raise ValidationError({"target_year": "Das Zieljahr muss nach dem Basisjahr liegen."})


class Leitbild(models.Model):
    """The Bildungsleitbild: vision and values that bind institutions and administration."""

    title = models.CharField("Titel", max_length=200, default="Bildungsleitbild")
    vision = models.TextField("Vision")
    adopted = models.CharField("Beschlossen", max_length=200, blank=True, help_text="z. B. Stadtratsbeschluss vom …")

    class Meta:
        verbose_name = "Bildungsleitbild"
        verbose_name_plural = "Bildungsleitbilder"

    def __str__(self) -> str:
        return self.title


class Principle(models.Model):
    """A guiding principle (Handlungsfeld) such as Zugänge, Übergänge, Qualität."""

    leitbild = models.ForeignKey(Leitbild, on_delete=models.CASCADE, related_name="principles")
    name = models.CharField("Leitlinie", max_length=120)
    description = models.TextField("Beschreibung", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name = "Leitlinie"
        verbose_name_plural = "Leitlinien"

    def __str__(self) -> str:
        return self.name


class Goal(models.Model):
    """A strategic goal, measured by one or more indicators."""

    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="goals", verbose_name="Leitlinie")
    title = models.CharField("Ziel", max_length=250)
    description = models.TextField("Erläuterung", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name = "Strategisches Ziel"
        verbose_name_plural = "Strategische Ziele"

    def __str__(self) -> str:
        return self.title


class GoalIndicator(models.Model):
    """An indicator of the catalog with baseline, target value and target year for one goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators", verbose_name="Ziel")
    indicator = models.CharField("Indikator (Kennung im Katalog)", max_length=80, validators=[check_indicators])
    baseline_year = models.PositiveSmallIntegerField("Basisjahr", validators=YEAR)
    baseline_value = models.FloatField("Ausgangswert")
    target_year = models.PositiveSmallIntegerField("Zieljahr", validators=YEAR)
    target_value = models.FloatField("Zielwert")
    tolerance = models.FloatField(
        "Toleranz",
        default=0.10,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="Anteil der geplanten Veränderung, um den ein Wert hinter dem Pfad liegen darf (0,10 = 10 %).",
    )

    class Meta:
        ordering = ("id",)
        verbose_name = "Zielindikator"
        verbose_name_plural = "Zielindikatoren"

    def __str__(self) -> str:
        return (
            f"{self.indicator}: {self.baseline_value} ({self.baseline_year}) → {self.target_value} ({self.target_year})"
        )

    def clean(self) -> None:
        check_years(self.baseline_year, self.target_year)


class Program(models.Model):
    """A program such as "Soziale Arbeit in Kitas", with the indicators of its needs analysis."""

    slug = models.SlugField("Kurzname (URL)", unique=True)
    name = models.CharField("Name", max_length=200)
    aim = models.TextField("Ziel des Programms")
    funding = models.CharField("Finanzierung", max_length=300, blank=True)
    start = models.DateField("Beginn")
    need_indicators = models.CharField(
        "Bedarfsindikatoren",
        max_length=300,
        help_text="Kennungen im Katalog, durch Komma getrennt (je Stadtteil).",
        validators=[check_indicators],
    )
    coverage_indicator = models.CharField(
        "Abdeckungsindikator", max_length=80, help_text="Kennung im Katalog.", validators=[check_indicators]
    )
    activity_indicators = models.CharField(
        "Tätigkeitsindikatoren",
        max_length=300,
        blank=True,
        help_text="Kennungen im Katalog, durch Komma getrennt.",
        validators=[check_indicators],
    )

    class Meta:
        ordering = ("name",)
        verbose_name = "Programm"
        verbose_name_plural = "Programme"

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def _ids(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    def need_indicator_ids(self) -> list[str]:
        return self._ids(self.need_indicators)

    def activity_indicator_ids(self) -> list[str]:
        return self._ids(self.activity_indicators)


class ProgramInstitution(models.Model):
    """An institution taking part in a program, with the dates of its participation."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="institutions")
    code = models.CharField("Nummer", max_length=20, help_text="z. B. Kita-Nr. K037")
    name = models.CharField("Name", max_length=200)
    stadtteil = models.CharField("Stadtteil (Code)", max_length=60)
    joined = models.DateField("Teilnahme seit")
    left = models.DateField("Teilnahme bis", null=True, blank=True)

    class Meta:
        ordering = ("code",)
        verbose_name = "Teilnehmende Einrichtung"
        verbose_name_plural = "Teilnehmende Einrichtungen"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class EquipmentTarget(models.Model):
    """A target of the IT equipment strategy, e.g. 1,0 devices per pupil by 2026."""

    indicator = models.CharField("Indikator (Kennung im Katalog)", max_length=80, validators=[check_indicators])
    label = models.CharField("Ziel", max_length=200)
    baseline_year = models.PositiveSmallIntegerField("Basisjahr", validators=YEAR)
    target_year = models.PositiveSmallIntegerField("Zieljahr", validators=YEAR)
    target_value = models.FloatField("Zielwert")
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name = "Ausstattungsziel"
        verbose_name_plural = "Ausstattungsziele"

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        check_years(self.baseline_year, self.target_year)


class Actor(models.Model):
    """An actor of the education landscape that runs offers."""

    KINDS: ClassVar[list[tuple[str, str]]] = [
        ("kita", "Kita"),
        ("schule", "Schule"),
        ("vhs", "Volkshochschule"),
        ("bibliothek", "Bibliothek"),
        ("jugendclub", "Jugendclub"),
        ("verein", "Verein"),
        ("museum", "Museum, Kultur"),
        ("beratung", "Beratungsstelle"),
        ("andere", "Andere"),
    ]
    name = models.CharField("Name", max_length=200, unique=True)
    kind = models.CharField("Art", max_length=20, choices=KINDS)
    website = models.URLField("Website", blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name = "Akteur"
        verbose_name_plural = "Akteure"

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    """An education offer in the directory; visible to the public once moderated."""

    PENDING, PUBLISHED, REJECTED = "pending", "published", "rejected"
    STATUSES: ClassVar[list[tuple[str, str]]] = [
        (PENDING, "wartet auf Prüfung"),
        (PUBLISHED, "veröffentlicht"),
        (REJECTED, "abgelehnt"),
    ]
    TARGET_GROUPS: ClassVar[list[tuple[str, str]]] = [
        ("kinder", "Kinder"),
        ("jugendliche", "Jugendliche"),
        ("familien", "Eltern und Familien"),
        ("erwachsene", "Erwachsene"),
        ("senioren", "Senior:innen"),
        ("fachkraefte", "Fachkräfte"),
        ("alle", "alle"),
    ]
    TOPICS: ClassVar[list[tuple[str, str]]] = [
        ("sprache", "Sprache und Lesen"),
        ("mint", "MINT und Digitales"),
        ("kultur", "Kultur und Kreativität"),
        ("bewegung", "Bewegung und Gesundheit"),
        ("beruf", "Berufsorientierung"),
        ("eltern", "Elternbildung"),
        ("beratung", "Beratung"),
        ("demokratie", "Demokratie und Umwelt"),
        ("grundbildung", "Grundbildung"),
    ]
    ACCESS: ClassVar[list[tuple[str, str]]] = [
        ("ja", "barrierefrei"),
        ("teilweise", "teilweise barrierefrei"),
        ("nein", "nicht barrierefrei"),
        ("unbekannt", "keine Angabe"),
    ]

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="offers", verbose_name="Akteur")
    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung")
    target_group = models.CharField("Zielgruppe", max_length=20, choices=TARGET_GROUPS)
    age_min = models.PositiveSmallIntegerField("Alter von", null=True, blank=True, validators=[MaxValueValidator(120)])
    age_max = models.PositiveSmallIntegerField("Alter bis", null=True, blank=True, validators=[MaxValueValidator(120)])
    topic = models.CharField("Thema", max_length=20, choices=TOPICS)
    stadtteil = models.CharField("Stadtteil", max_length=60)
    address = models.CharField("Adresse", max_length=250)
    latitude = models.FloatField("Breitengrad", null=True, blank=True)
    longitude = models.FloatField("Längengrad", null=True, blank=True)
    accessibility = models.CharField("Barrierefreiheit", max_length=20, choices=ACCESS, default="unbekannt")
    free = models.BooleanField("kostenfrei", default=False)
    costs = models.CharField("Kosten", max_length=200, blank=True)
    contact = models.CharField("Kontakt", max_length=250)
    url = models.URLField("Weitere Informationen", blank=True)
    status = models.CharField("Status", max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    submitted_at = models.DateTimeField("Eingereicht", auto_now_add=True)
    submitter_email = models.EmailField("E-Mail der einreichenden Person", blank=True)
    moderation_note = models.TextField("Vermerk der Moderation", blank=True)

    class Meta:
        ordering = ("title", "id")
        verbose_name = "Bildungsangebot"
        verbose_name_plural = "Bildungsangebote"

    def __str__(self) -> str:
        return self.title

    @property
    def age_range(self) -> str:
        if self.age_min is None and self.age_max is None:
            return "alle Altersgruppen"
        if self.age_max is None:
            return f"ab {self.age_min} Jahren"
        if self.age_min is None:
            return f"bis {self.age_max} Jahre"
        return f"{self.age_min} bis {self.age_max} Jahre"
