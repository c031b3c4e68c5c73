"""The portal's entry points by topic: catalog areas and topics mapped to seven themes people look for."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bildungslandschaft.core.catalog.model import Catalog, Indicator


@dataclass(frozen=True)
class Theme:
    """An entry point of the portal (``slug`` is used in URLs: ``/indikatoren/?thema=inklusion``)."""

    slug: str
    title: str
    summary: str


THEMES = (
    Theme("fruehkindliche-bildung", "Frühkindliche Bildung", "Kindertagesbetreuung, Kita-Plätze, Kita-Sozialarbeit"),
    Theme("allgemeinbildende-schulen", "Allgemeinbildende Schulen", "Schullandschaft, Schüler:innen, Übergänge"),
    Theme("inklusion", "Inklusion", "Sonderpädagogische Förderung, inklusive Beschulung"),
    Theme("abschluesse", "Abschlüsse", "Schulabschlüsse allgemeinbildender und beruflicher Schulen"),
    Theme("digitalisierung", "Digitalisierung", "IT-Ausstattung der Schulen"),
    Theme("weiterbildung", "Weiterbildung", "Volkshochschule: Kurse, Belegungen, Unterrichtsstunden"),
    Theme("rahmenbedingungen", "Rahmenbedingungen", "Bevölkerung, soziale Lage, Arbeitsmarkt"),
)
_BY_AREA = {"C": "fruehkindliche-bildung", "D": "allgemeinbildende-schulen", "DIG": "digitalisierung"}
_BY_AREA |= {"G": "weiterbildung", "A": "rahmenbedingungen", "E": "abschluesse"}


def theme_of(indicator: Indicator) -> Theme:
    """The theme of an indicator: topics Inklusion and Abschlüsse first, otherwise by catalog area."""
    if indicator.topic == "Inklusion":
        return theme("inklusion")
    if indicator.topic.startswith("Abschlüsse"):
        return theme("abschluesse")
    return theme(_BY_AREA.get(indicator.area, "rahmenbedingungen"))


def theme(slug: str) -> Theme:
    for found in THEMES:
        if found.slug == slug:
            return found
    raise KeyError(f"unbekanntes Thema: {slug}")


def search(catalog: Catalog, text: str = "", theme_slug: str = "", area: str = "") -> list[Indicator]:
    """Indicators whose title, definition, topic or source contain every word of ``text``."""
    words = text.casefold().split()
    return [
        indicator
        for indicator in catalog.indicators.values()
        if (not theme_slug or theme_of(indicator).slug == theme_slug)
        and (not area or indicator.area == area)
        and all(word in _haystack(indicator) for word in words)
    ]


def _haystack(indicator: Indicator) -> str:
    fields: Iterable[str] = (
        indicator.id,
        indicator.title,
        indicator.title_en,
        indicator.topic,
        indicator.definition,
        indicator.source,
        indicator.interpretation,
    )
    return " ".join(fields).casefold()


def by_theme(indicators: Iterable[Indicator]) -> list[tuple[Theme, list[Indicator]]]:
    """Indicators grouped by theme in the order of `THEMES` (empty themes left out)."""
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault(theme_of(indicator).slug, []).append(indicator)
    return [(found, groups[found.slug]) for found in THEMES if found.slug in groups]
