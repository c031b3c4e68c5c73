"""Response schemas of the API (they make the OpenAPI document; descriptions in German)."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import create_model

from bildungslandschaft.core.labels import default_catalog, dimension_title


class Fehler(Schema):
    fehler: str = Field(description="Was nicht stimmt, auf Deutsch")


class Bereich(Schema):
    id: str = Field(description="Kürzel des Bereichs nach dem Anwendungsleitfaden (z. B. D)")
    titel: str
    indikatoren: list[str] = Field(description="Ids der veröffentlichten Indikatoren des Bereichs")


class Term(Schema):
    merkmal: str = Field(description="Gezählte Größe (Measure des Katalogs)")
    bedingungen: dict[str, list[str]] = Field(description="Welche Zellen gezählt werden")


class Indikator(Schema):
    id: str
    titel: str
    titel_en: str
    bereich: str
    bereich_titel: str
    thema: str
    definition: str
    art: Literal["count", "ratio", "published"] = Field(description="Anzahl, Verhältnis oder übernommener Wert")
    einheit: str
    nachkommastellen: int
    faktor: float
    zaehler: Term
    nenner: Term | None
    aufgliederungen: list[str] = Field(description="Erlaubte Werte für den Parameter by und für Filter")
    quelle: str
    namensnennung: str = Field(description="Pflichtangabe der Quelle (Lizenz)")
    interpretation: str
    links: dict[str, str]


class Zelle(Schema):
    schluessel: dict[str, str] = Field(description="Schlüssel je Aufgliederung; _T steht für insgesamt")
    bezeichnungen: dict[str, str]
    wert: float | None = Field(description="Wert; null, wenn geheim zu halten oder nicht vorhanden")
    zaehler: float | None
    nenner: float | None
    status: Literal["S", "U", "M"] = Field(
        description="S veröffentlicht, U Mindestfallzahl unterschritten, M gesperrt zum Schutz einer anderen Zelle"
    )
    zeichen: str | None = Field(description="Zeichen der amtlichen Statistik, z. B. „.“ (siehe zeichenerklaerung)")


class Herkunft(Schema):
    datensaetze: list[str]
    importe: list[int]
    katalogversion: str
    berechnet_am: str


class Werte(Schema):
    indikator: str
    titel: str
    einheit: str
    nachkommastellen: int
    aufgliederung: list[str]
    filter: dict[str, list[str]]
    werte: list[Zelle]
    zeichenerklaerung: dict[str, str] = Field(description="Bedeutung jedes Zeichens, das in werte vorkommt")
    mindestfallzahl: int
    quelle: str
    namensnennung: str
    herkunft: Herkunft


def _filter_dimensions() -> list[str]:
    catalog = default_catalog()
    return sorted({dim for indicator in catalog.indicators.values() for dim in indicator.breakdowns})


#: One optional query parameter per breakdown dimension (``year=2022,2023``), generated from the catalog.
Filter: type[Schema] = create_model(  # type: ignore[call-overload]
    "Filter",
    __base__=Schema,
    **{
        dim: (str | None, Field(None, description=f"Filter {dimension_title(dim)}: Schlüssel, durch Komma getrennt"))
        for dim in _filter_dimensions()
    },
)

#: The area codes of the catalog (for the ``bereich`` parameter).
Bereichskuerzel = Literal[tuple(default_catalog().areas)]  # type: ignore[valid-type]
