"""Generated German sentences about an indicator: "Der Anteil … sank von 14,3 % auf 11,1 %".

Values come from a `Published` only; a withheld value is never written, the sentence says
"aus Gründen der Geheimhaltung nicht ausgewiesen" instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from bildungslandschaft.core.catalog.model import Indicator
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.formatting import format_change
from bildungslandschaft.core.labels import code_label, dimension_title, format_value

WITHHELD = "aus Gründen der Geheimhaltung nicht ausgewiesen"
MISSING = "nicht ausgewiesen"


class SentenceError(ValueError):
    """The data has no value for a year the sentence needs."""


def default_subject(indicator: Indicator) -> str:
    """The sentence's subject with its article, guessed from the title (``subject=`` overrides it)."""
    title = indicator.title
    first = title.split()[0].casefold()
    if first.startswith("anteil") or first.endswith("anteil"):
        return f"Der {title}"
    if first.endswith(("quote", "rate")):
        return f"Die {title}"
    return f"Der Wert „{title}“"


def qualifier(fixed: Mapping[str, str]) -> str:
    """Words naming the filters: `` im Stadtteil Cracau``, `` (Schulart: Gymnasium)``."""
    parts = []
    for dim, code in fixed.items():
        if dim == "stadtteil":
            parts.append(f" im Stadtteil {code_label(dim, code)}")
        else:
            parts.append(f" ({dimension_title(dim)}: {code_label(dim, code)})")
    return "".join(parts)


def year_cells(published: Published, fixed: Mapping[str, str]) -> dict[str, PublishedCell]:
    """Year → the cell of that year whose other dimensions have the ``fixed`` codes."""
    found = {}
    for cell in published.cells:
        if all(cell.key.get(dim) == code for dim, code in fixed.items()):
            found[str(cell.key["year"])] = cell
    return found


def sentence(published: Published, fixed: Mapping[str, str], first: str = "", last: str = "", subject: str = "") -> str:
    """A sentence on the change from ``first`` to ``last`` (default: whole series), or on one year."""
    cells = year_cells(published, fixed)
    if not cells:
        raise SentenceError("keine Werte für diese Auswahl")
    years = sorted(cells)
    first, last = first or years[0], last or years[-1]
    for year in (first, last):
        if year not in cells:
            raise SentenceError(f"keine Werte für das Jahr {year} (vorhanden: {years[0]} bis {years[-1]})")
    who = (subject or default_subject(published.indicator)) + qualifier(fixed)
    if first == last:
        return level_sentence(published.indicator, who, last, cells[last])
    return change_sentence(published.indicator, who, (first, cells[first]), (last, cells[last]))


def level_sentence(indicator: Indicator, who: str, year: str, cell: PublishedCell) -> str:
    if cell.value is None:
        return f"{who} ist für das Jahr {year} {_why(cell)}."
    return f"{who} lag im Jahr {year} bei {format_value(indicator, cell.value, cell.flag)}."


def change_sentence(
    indicator: Indicator, who: str, before: tuple[str, PublishedCell], after: tuple[str, PublishedCell]
) -> str:
    (year_a, a), (year_b, b) = before, after
    if a.value is None and b.value is None:
        return f"{who} ist für die Jahre {year_a} und {year_b} {_why(a) if _why(a) == _why(b) else MISSING}."
    if a.value is None:
        return f"{who} lag im Jahr {year_b} bei {_shown(indicator, b)}; der Wert für {year_a} ist {_why(a)}."
    if b.value is None:
        return f"{who} lag im Jahr {year_a} bei {_shown(indicator, a)}; der Wert für {year_b} ist {_why(b)}."
    change = round(b.value, indicator.decimals) - round(a.value, indicator.decimals)
    if round(change, indicator.decimals) == 0:
        return f"{who} lag im Jahr {year_a} wie im Jahr {year_b} bei {_shown(indicator, b)}."
    verb = "stieg" if change > 0 else "sank"
    return (
        f"{who} {verb} von {_shown(indicator, a)} im Jahr {year_a} auf {_shown(indicator, b)} "
        f"im Jahr {year_b}{_difference(indicator, a.value, b.value)}."
    )


def _shown(indicator: Indicator, cell: PublishedCell) -> str:
    return format_value(indicator, cell.value, cell.flag)


def _difference(indicator: Indicator, before: float, after: float) -> str:
    """`` (−3,2 Prozentpunkte)`` for shares; `` (+15,9 %)`` for other values; nothing from zero."""
    if indicator.unit == "%":
        shown_change = round(after, indicator.decimals) - round(before, indicator.decimals)
        points = format_change(shown_change, indicator.decimals).replace("-", "−")
        return f" ({points} Prozentpunkte)"
    if before == 0:
        return ""
    percent = format_change(100 * (after - before) / before, 1).replace("-", "−")
    return f" ({percent} %)"


def _why(cell: PublishedCell) -> str:
    return WITHHELD if cell.withheld else MISSING
