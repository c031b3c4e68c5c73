"""The catalog as frozen value objects: classifications, datasets, indicators."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

TOTAL = "_T"

DatasetKind = Literal["aggregate", "microdata"]
IndicatorKind = Literal["count", "ratio", "published"]
SourceFormat = Literal["genesis", "ffcsv", "table"]


def normalise_label(text: str) -> str:
    """Compare labels from source files without caring for spacing or case."""
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class Code:
    """One entry of a classification (code list)."""

    code: str
    label: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    successor: str | None = None  # historical key: the current key of the same territory
    darunter: bool = False  # "darunter"/"dar." position: part of its parent, not additive


@dataclass(frozen=True)
class Classification:
    """A code list such as Schulart, Abschlussart or Stadtteil."""

    id: str
    title: str
    codes: tuple[Code, ...]
    pattern: str | None = None  # open code lists (AGS keys, school numbers) accept codes matching it
    _lookup: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for code in self.codes:
            for label in (code.code, code.label, code.label_en, *code.aliases):
                if label:
                    lookup.setdefault(normalise_label(label), code.code)
        object.__setattr__(self, "_lookup", lookup)

    def resolve(self, label: str) -> str | None:
        """The code for a code or label as it appears in a source file, or None."""
        found = self._lookup.get(normalise_label(label))
        if found is not None:
            return found
        text = label.strip()
        if self.pattern is not None and re.fullmatch(self.pattern, text):
            return text
        return None

    def code(self, code: str) -> Code | None:
        return next((entry for entry in self.codes if entry.code == code), None)

    def label_of(self, code: str) -> str:
        entry = self.code(code)
        return entry.label if entry is not None else code

    def successors(self) -> dict[str, str]:
        """Historical keys mapped to the current key of the same territory."""
        return {entry.code: entry.successor for entry in self.codes if entry.successor}


@dataclass(frozen=True)
class Dimension:
    """A dimension of a dataset, coded by a classification."""

    id: str
    classification: str
    total: str | None = None  # the code of totals stored in the data (e.g. "_T"), if any
    type: Literal["string", "int"] = "string"


@dataclass(frozen=True)
class Measure:
    """A measure of a dataset: counted rows (microdata) or a summed value."""

    id: str
    title: str
    unit: str = "Anzahl"
    additive: bool = True
    column: str | None = None  # microdata: the summed column; None counts rows
    condition: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # microdata: rows counted


@dataclass(frozen=True)
class SourceMapping:
    """How one source format feeds a dataset (the mapping itself stays data)."""

    format: SourceFormat
    table: str
    spec: Mapping[str, object]


@dataclass(frozen=True)
class Disclosure:
    """How a dataset's counts about people are protected before publication (Geheimhaltung).

    ``confidential``: the measures that count people; only these are protected.
    ``min_count``: smallest publishable count (None: the portal's default, 3).
    ``dimensions``: the dimensions of the master table protected once per year (empty: all but year).
    ``citywide``: dimensions the master table holds only without a place: never crossed with one of
    ``places`` (Klassenstufe for the whole city, not per Stadtteil or school).
    """

    confidential: tuple[str, ...] = ()
    min_count: int | None = None
    rounding_base: int | None = None
    protect_zeros: bool = False
    dimensions: tuple[str, ...] = ()
    citywide: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A fact table: dimensions, measures and the sources that feed it."""

    id: str
    title: str
    kind: DatasetKind
    dimensions: tuple[Dimension, ...]
    measures: tuple[Measure, ...]
    sources: tuple[SourceMapping, ...]
    attribution: str
    description: str = ""
    disclosure: Disclosure = field(default_factory=Disclosure)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((dim for dim in self.dimensions if dim.id == dimension_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return next((measure for measure in self.measures if measure.id == measure_id), None)

    @property
    def dimension_ids(self) -> tuple[str, ...]:
        return tuple(dim.id for dim in self.dimensions)

    @property
    def table_name(self) -> str:
        return f"fact_{self.id}"


@dataclass(frozen=True)
class Term:
    """A numerator or denominator: a measure summed over the cells matching ``where``."""

    measure: str
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    """An indicator of the monitoring: what is counted, how, and how to read it."""

    id: str
    title: str
    title_en: str
    area: str
    topic: str
    definition: str
    kind: IndicatorKind
    numerator: Term
    denominator: Term | None
    factor: float
    unit: str
    decimals: int
    breakdowns: tuple[str, ...]
    source: str
    attribution: str
    interpretation: str
    datasets: tuple[str, ...] = ()  # preferred datasets, in order; empty: any that fits


@dataclass(frozen=True)
class Catalog:
    """The whole catalog, with lookups by id."""

    version: str
    areas: Mapping[str, str]
    classifications: Mapping[str, Classification]
    datasets: Mapping[str, Dataset]
    indicators: Mapping[str, Indicator]

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise KeyError(f"unbekannter Indikator: {indicator_id}") from None

    def datasets_with_measure(self, measure_id: str) -> list[Dataset]:
        return [ds for ds in self.datasets.values() if ds.measure(measure_id) is not None]

    def classification_of(self, dataset: Dataset, dimension_id: str) -> Classification:
        dim = dataset.dimension(dimension_id)
        if dim is None:
            raise KeyError(f"{dataset.id} hat keine Dimension {dimension_id}")
        return self.classifications[dim.classification]
