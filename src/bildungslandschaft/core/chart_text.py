"""Generated German sentences that describe a chart (its text alternative, WCAG 1.1.1)."""

from __future__ import annotations

from bildungslandschaft.core.chart_data import breakdown_rows, latest_year, map_classes, series_dim, time_rows
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.labels import code_label, dimension_title


def trend_sentence(published: Published, first: str, last: str) -> str:
    """``Der Wert sank von 14,3 % (2014) auf 11,7 % (2025).`` for the totals of two years."""
    rows = {row["year"]: row for row in time_rows(published) if not row["code"] or row["code"] == "_T"}
    start, end = rows.get(first), rows.get(last)
    if start is None or end is None or start["value"] is None or end["value"] is None:
        return f"Für {first} und {last} liegen keine vergleichbaren veröffentlichten Werte vor."
    if start["label"] == end["label"]:
        return f"Der Wert lag {first} wie {last} bei {end['label']}."
    verb = "stieg" if float(end["value"]) > float(start["value"]) else "sank"
    return f"Der Wert {verb} von {start['label']} ({first}) auf {end['label']} ({last})."


def describe_time_series(published: Published) -> str:
    """Text alternative of `time_series_chart`."""
    title = published.indicator.title
    rows = [row for row in time_rows(published) if not row["code"] or row["code"] == "_T"]
    if not rows:
        return f"Liniendiagramm „{title}“: keine veröffentlichten Werte."
    first, last = rows[0]["year"], rows[-1]["year"]
    text = f"Liniendiagramm „{title}“ von {first} bis {last}. {trend_sentence(published, first, last)}"
    known = [row for row in rows if row["value"] is not None]
    if len(known) > 2:
        high = max(known, key=lambda row: row["value"])
        low = min(known, key=lambda row: row["value"])
        text += f" Höchster Wert {high['label']} ({high['year']}), niedrigster {low['label']} ({low['year']})."
    withheld = [row["year"] for row in rows if row["secret"]]
    if withheld:
        text += f" Geheim gehalten (.): {', '.join(withheld)}."
    dim = series_dim(published)
    if dim:
        text += f" Weitere Linien: {dimension_title(dim)}; die Werte stehen in der Tabelle."
    return text


def describe_breakdown(published: Published, dim: str, year: str | None = None) -> str:
    """Text alternative of `breakdown_chart`."""
    year = year or latest_year(published)
    rows, total = breakdown_rows(published, dim, year)
    when = f" {year}" if year else ""
    known = [row for row in rows if row["value"] is not None]
    if not known:
        return f"Balkendiagramm nach {dimension_title(dim)}{when}: keine veröffentlichten Werte."
    high = max(known, key=lambda row: row["value"])
    low = min(known, key=lambda row: row["value"])
    text = (
        f"Balkendiagramm „{published.indicator.title}“ nach {dimension_title(dim)}{when}: "
        f"höchster Wert {high['label']} ({high['category']}), niedrigster {low['label']} ({low['category']})."
    )
    if total is not None and total["value"] is not None:
        text += f" Insgesamt: {total['label']}."
        if published.indicator.kind != "count":
            text += " Die gestrichelte Linie markiert den Wert insgesamt."
    withheld = [str(row["category"]) for row in rows if row["secret"]]
    if withheld:
        text += f" Geheim gehalten (.): {', '.join(withheld)}."
    return text


def describe_map(published: Published, year: str | None = None, stadtteile: int = 40) -> str:
    """Text alternative of `stadtteil_map`."""
    year = year or latest_year(published)
    classes = map_classes(published, year)
    items = classes.by_code
    known = {code: item for code, item in items.items() if item["value"] is not None}
    when = f" {year}" if year else ""
    text = f"Karte der {stadtteile} Stadtteile{when}, „{published.indicator.title}“ in {len(classes.labels)} Klassen."
    if known:
        high = max(known, key=lambda code: known[code]["value"])
        low = min(known, key=lambda code: known[code]["value"])
        text += (
            f" Höchster Wert in {code_label('stadtteil', high)} ({known[high]['label']}),"
            f" niedrigster in {code_label('stadtteil', low)} ({known[low]['label']})."
        )
    withheld = sum(1 for item in items.values() if item["secret"])
    missing = stadtteile - len(known) - withheld
    if withheld:
        text += f" {withheld} Stadtteile geheim gehalten (.)."
    if missing > 0:
        text += f" {missing} Stadtteile ohne Daten."
    return text
