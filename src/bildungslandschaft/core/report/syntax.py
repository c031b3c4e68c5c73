"""The directive syntax of report chapters: ``::: kind indicator=ID key=value … :::``.

A directive on a line of its own embeds a chart, table or map (block); a ``sentence`` directive
may also stand inside a paragraph (inline). Values with spaces are quoted: ``title="Abgänge 2025"``.
Keys that name a breakdown dimension of the indicator filter it: ``year=2025``, ``schulart=gymnasium``.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field

from bildungslandschaft.core.catalog.model import Catalog

MARKER = ":::"
BLOCK_KINDS = ("chart", "table", "map")
KINDS = (*BLOCK_KINDS, "sentence")
#: Options of every kind besides ``indicator`` and dimension filters.
OPTIONS: Mapping[str, frozenset[str]] = {
    "chart": frozenset({"by", "title"}),
    "table": frozenset({"by", "title"}),
    "map": frozenset({"title"}),
    "sentence": frozenset({"from", "to", "subject"}),
}


class DirectiveError(ValueError):
    """A directive that cannot be used, with a German message for the author."""


@dataclass(frozen=True)
class Directive:
    """One parsed directive: its kind, indicator, breakdown, filters and options."""

    kind: str
    indicator: str
    by: tuple[str, ...] = ()
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    options: Mapping[str, str] = field(default_factory=dict)
    line: int = 0  # 1-based line in the chapter text, 0 when unknown

    def option(self, name: str, default: str = "") -> str:
        return self.options.get(name, default)


def is_directive(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith(MARKER) and stripped.endswith(MARKER) and len(stripped) > 2 * len(MARKER)


def parse_directive(text: str, line: int = 0) -> Directive:
    """``::: chart indicator=pupils by=year :::`` → `Directive` (syntax only, see `check`)."""
    inner = text.strip().removeprefix(MARKER).removesuffix(MARKER).strip()
    try:
        words = shlex.split(inner)
    except ValueError:
        raise DirectiveError(_where(line) + "Anführungszeichen nicht geschlossen") from None
    if not words or words[0] not in KINDS:
        found = words[0] if words else ""
        raise DirectiveError(_where(line) + f"unbekannte Anweisung {found!r}, erlaubt: {', '.join(KINDS)}")
    kind, pairs = words[0], _pairs(words[1:], line)
    indicator = pairs.pop("indicator", "")
    if not indicator:
        raise DirectiveError(_where(line) + f"{kind}: indicator=… fehlt")
    by = tuple(part.strip() for part in pairs.pop("by", "").split(",") if part.strip())
    options = {key: pairs.pop(key) for key in list(pairs) if key in OPTIONS[kind]}
    where = {dim: tuple(code.strip() for code in codes.split(",") if code.strip()) for dim, codes in pairs.items()}
    return Directive(kind, indicator, by, where, options, line)


def _pairs(words: list[str], line: int) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for word in words:
        key, sign, value = word.partition("=")
        if not sign or not key:
            raise DirectiveError(_where(line) + f"erwartet Angaben der Form name=wert, gefunden {word!r}")
        if key in pairs:
            raise DirectiveError(_where(line) + f"{key} ist doppelt angegeben")
        pairs[key] = value
    return pairs


def check(directive: Directive, catalog: Catalog) -> None:
    """Raise `DirectiveError` when the directive does not fit the catalog (indicator, dimensions)."""
    at = _where(directive.line)
    if directive.indicator not in catalog.indicators:
        raise DirectiveError(at + f"unbekannter Indikator {directive.indicator!r}")
    if directive.kind == "map" and "stadtteil" in directive.where:
        raise DirectiveError(at + "eine Karte zeigt alle Stadtteile: stadtteil=… ist hier nicht möglich")
    allowed = catalog.indicators[directive.indicator].breakdowns
    for dim in (*directive.by, *directive.where):
        if dim not in allowed:
            known = ", ".join(allowed)
            raise DirectiveError(at + f"{dim!r} ist keine Aufgliederung von {directive.indicator} (möglich: {known})")
    if directive.kind in {"chart", "table"} and len(directive.by) > 2:
        raise DirectiveError(at + f"{directive.kind}: höchstens zwei Aufgliederungen (z. B. by=year,schulart)")
    if directive.kind == "map" and "stadtteil" not in allowed:
        raise DirectiveError(at + f"{directive.indicator} gibt es nicht nach Stadtteilen")
    if directive.kind == "sentence":
        _check_sentence(directive, at)


def _check_sentence(directive: Directive, at: str) -> None:
    if any(len(codes) != 1 for codes in directive.where.values()):
        raise DirectiveError(at + "sentence: jeder Filter nennt genau einen Wert (z. B. stadtteil=cracau)")
    for name in ("from", "to"):
        if directive.option(name) and not directive.option(name).isdigit():
            raise DirectiveError(at + f"sentence: {name}= erwartet ein Jahr, gefunden {directive.option(name)!r}")


def _where(line: int) -> str:
    return f"Zeile {line}: " if line else ""
