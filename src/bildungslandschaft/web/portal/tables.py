"""Data tables of the portal: the text alternative of every chart, built from `Published` rows only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bildungslandschaft.core.chart_data import breakdown_rows, map_classes, time_rows
from bildungslandschaft.core.disclosure.publish import LEGEND, Published
from bildungslandschaft.core.labels import code_label, dimension_title, format_value, unit_title


@dataclass(frozen=True)
class Table:
    """A table as templates render it: caption, header row, body rows (first cell is a row header)."""

    caption: str
    headers: list[str]
    rows: list[list[str]]
    signs: dict[str, str] = field(default_factory=dict)


def signs_of(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The legend of the signs that the rows show."""
    shown = {str(row["flag"]) for row in rows if row.get("flag")}
    return {sign: text for sign, text in LEGEND.items() if sign in shown}


def time_table(published: Published, caption: str) -> Table:
    rows = time_rows(published)
    series = list(dict.fromkeys(str(row["series"]) for row in rows))
    by_year: dict[str, dict[str, str]] = {}
    for row in rows:
        by_year.setdefault(str(row["year"]), {})[str(row["series"])] = str(row["label"])
    headers = ["Jahr", *(series if series != [""] else [unit_title(published.indicator)])]
    body = [[year, *(values.get(name, "–") for name in series)] for year, values in by_year.items()]
    return Table(caption, headers, body, signs_of(rows))


def breakdown_table(published: Published, dim: str, year: str | None, caption: str) -> Table:
    rows, total = breakdown_rows(published, dim, year)
    body = [[str(row["category"]), str(row["label"])] for row in rows]
    if total is not None:
        body.append([str(total["category"]), str(total["label"])])
    every = rows + ([total] if total else [])
    return Table(caption, [dimension_title(dim), unit_title(published.indicator)], body, signs_of(every))


def map_table(published: Published, year: str | None, caption: str) -> Table:
    classes = map_classes(published, year)
    items = sorted(classes.by_code.items(), key=lambda item: code_label("stadtteil", item[0]))
    body = [[code_label("stadtteil", code), str(item["label"]), str(item["klasse"])] for code, item in items]
    total = [cell for cell in published.cells if cell.key.get("stadtteil") == "_T"]
    if total:
        body.append(["Stadt insgesamt", format_value(published.indicator, total[0].value, total[0].flag), ""])
    headers = ["Stadtteil", unit_title(published.indicator), "Klasse der Karte"]
    return Table(caption, headers, body, signs_of([item for _, item in items]))
