"""Special signs (Zeichenerklärung) of German official statistics, kept as flags.

A value cell of a GENESIS table holds a number, a sign that replaces the number, or a
number followed by a suffix. Only ``-`` (genau null) means zero; every other replacing
sign leaves the value unknown, so it can never be added as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Signs that replace the number, with their meaning (Zeichenerklärung of Destatis).
REPLACING_SIGNS: dict[str, str] = {
    "-": "genau null (nichts vorhanden)",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "...": "Angabe fällt später an",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
}

#: Signs that qualify a number that is still given.
QUALIFYING_SIGNS: dict[str, str] = {
    "0": "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts",
    "()": "Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist",
    "p": "vorläufige Zahl",
    "r": "berichtigte Zahl",
    "s": "geschätzte Zahl",
    "e": "endgültige Zahl",
}

#: Severity when cells are aggregated: the most severe flag of the parts wins.
SEVERITY: dict[str, int] = {
    ".": 10,
    "x": 9,
    "/": 8,
    "...": 7,
    "()": 6,
    "s": 5,
    "p": 4,
    "r": 3,
    "0": 2,
    "e": 1,
}
UNKNOWN_SIGNS = frozenset({".", "x", "/", "..."})

_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+(?:,\d+)?$")
_SUFFIX = re.compile(r"^(?P<body>.*?)\s*(?P<suffix>[prse])$")


class SignError(ValueError):
    """A cell is neither a number nor a known special sign."""


@dataclass(frozen=True)
class CellValue:
    """A parsed value cell: the number (None when unknown) and its flag."""

    value: float | None
    flag: str | None = None

    @property
    def is_unknown(self) -> bool:
        return self.value is None


def parse_number(text: str) -> float:
    """Parse a German-formatted number: decimal comma, optional thousands dots."""
    if not _NUMBER.match(text):
        raise SignError(f"keine Zahl: {text!r}")
    return float(text.replace(".", "").replace(",", "."))


def parse_cell(raw: str, *, zero_is_rounded: bool = True) -> CellValue:
    """Parse one value cell of a statistical table into value and flag.

    In GENESIS tables a true zero is written ``-`` and ``0`` means "rounded to zero";
    city tables write ``0`` for zero, so their readers pass ``zero_is_rounded=False``.
    """
    text = raw.strip().strip('"').strip()
    if text == "":
        raise SignError("leere Zelle (erwartet: Zahl oder Sonderzeichen)")
    if text == "-":
        return CellValue(0.0, "-")
    if text in UNKNOWN_SIGNS:
        return CellValue(None, text)
    suffix = _SUFFIX.match(text)
    if suffix and suffix.group("body"):
        inner = parse_cell(suffix.group("body"), zero_is_rounded=zero_is_rounded)
        return CellValue(inner.value, _worst(inner.flag, suffix.group("suffix")))
    if text.startswith("(") and text.endswith(")"):
        return CellValue(parse_number(text[1:-1].strip()), "()")
    value = parse_number(text)
    if value == 0.0 and zero_is_rounded:
        return CellValue(0.0, "0")
    return CellValue(value, None)


def _worst(first: str | None, second: str | None) -> str | None:
    if first is None:
        return second
    if second is None:
        return first
    return first if SEVERITY.get(first, 0) >= SEVERITY.get(second, 0) else second


def worst_flag(flags: list[str | None]) -> str | None:
    """The most severe of several flags (used when cells are aggregated)."""
    result: str | None = None
    for flag in flags:
        result = _worst(result, flag)
    return result


def describe(flag: str) -> str:
    """German explanation of a flag, for legends."""
    return REPLACING_SIGNS.get(flag) or QUALIFYING_SIGNS.get(flag) or flag
