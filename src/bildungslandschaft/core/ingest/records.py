"""What every reader produces: located value cells with raw coordinates."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawCell:
    """One value of a source file before codes are resolved."""

    line: int
    coordinates: dict[str, str]  # dimension id (or "measure") -> label or code as written
    raw: str  # the value as written (number, special sign)


@dataclass(frozen=True)
class RawTable:
    """A source file, read: its cells plus what lineage needs to know about it."""

    source_key: str  # identifies "the same source" across versions (e.g. GENESIS table code)
    title: str
    encoding: str
    cells: list[RawCell]
    rows_read: int
    notes: list[str] = field(default_factory=list)
