"""HTML tables of published values: the ``table`` directive and the data table under every figure."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bildungslandschaft.core.catalog.model import TOTAL
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.labels import code_label, code_order, dimension_title, format_value


def html_table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], anchor: str = "") -> str:
    """A table with a caption, column headers and row headers (first column); cells are escaped."""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    head = "".join(f'<th scope="col">{escape(text)}</th>' for text in header)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f'<td class="num">{escape(v)}</td>' for v in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="bila-table"{ident}><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def codes_of(published: Published, dim: str) -> list[str]:
    """The codes of ``dim`` in the result, in code-list order (years ascending), the total last."""
    present = {str(cell.key[dim]) for cell in published.cells}
    order = sorted(present - {TOTAL}) if dim == "year" else [c for c in code_order(dim) if c in present - {TOTAL}]
    order += sorted(present - set(order) - {TOTAL})
    return order + ([TOTAL] if TOTAL in present else [])


def pivot(published: Published) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a result with one or two dimensions: rows by the first, columns by the second."""
    by = published.by
    lookup = {tuple(str(cell.key[dim]) for dim in by): cell for cell in published.cells}
    rows_dim = by[0]
    columns = codes_of(published, by[1]) if len(by) > 1 else [""]
    header = [dimension_title(rows_dim)] + (
        [code_label(by[1], code) for code in columns] if len(by) > 1 else [value_header(published)]
    )
    rows = []
    for code in codes_of(published, rows_dim):
        found = [lookup.get((code, column) if len(by) > 1 else (code,)) for column in columns]
        if all(cell is None or _empty(cell) for cell in found):
            continue
        rows.append([code_label(rows_dim, code), *(_text(published, cell) for cell in found)])
    return header, rows


def value_header(published: Published) -> str:
    """``Wert`` when the values carry their unit (``%``), else ``Wert (Personen)``."""
    unit = published.indicator.unit
    return "Wert" if unit == "%" else f"Wert ({unit})"


def _empty(cell: PublishedCell) -> bool:
    return not cell.withheld and not cell.value and not cell.numerator and not cell.denominator


def _text(published: Published, cell: PublishedCell | None) -> str:
    if cell is None:
        return "x"
    return format_value(published.indicator, cell.value, cell.flag)
