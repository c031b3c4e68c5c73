"""Charts and maps of the report: Vega-Lite spec → inline SVG, caption, short description, data table."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from bildungslandschaft.core import charts, geo
from bildungslandschaft.core.chart_data import breakdown_rows, latest_year, map_classes, series_dim, time_rows
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.labels import dimension_title
from bildungslandschaft.core.report.data import PublishedSource, Where
from bildungslandschaft.core.report.sentence import qualifier, sentence
from bildungslandschaft.core.report.syntax import Directive
from bildungslandschaft.core.report.tables import html_table, value_header


@dataclass(frozen=True)
class Figure:
    """What a chart or map directive shows: its data, the spec and the texts around it."""

    published: Published
    spec: dict[str, Any]
    title: str
    description: str
    table_header: list[str]
    table_rows: list[list[str]]
    credits: tuple[str, ...] = ()


def svg_of(spec: dict[str, Any]) -> str:
    """The spec drawn as SVG (memoised by content: a changed value gives a new drawing)."""
    return _svg(json.dumps(spec, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=256)
def _svg(spec_json: str) -> str:
    import vl_convert

    return str(vl_convert.vegalite_to_svg(json.loads(spec_json), format_locale="de-DE"))


INNER_ARIA = re.compile(r'\s(?:role|aria-[a-z]+)="[^"]*"')


def decorative_svg(svg: str) -> str:
    """The drawing inside its labelled container: hidden from screen readers, which read caption and description.

    Vega labels every mark; those labels are dropped (the data table under the figure carries the values).
    """
    body = INNER_ARIA.sub("", svg)
    return re.sub(r"^\s*(<\?xml[^>]*>\s*)?<svg\b", '<svg aria-hidden="true" focusable="false"', body, count=1)


def json_for_script(spec: dict[str, Any]) -> str:
    """JSON that cannot end its ``<script>`` element (as Django's ``json_script`` escapes it)."""
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def chart_figure(directive: Directive, source: PublishedSource) -> Figure:
    """A line chart over the years (``by`` contains ``year``) or bars by one dimension for one year."""
    by = directive.by or ("year",)
    if "year" in by:
        return _time_figure(directive, source, ("year", *(dim for dim in by if dim != "year")))
    return _breakdown_figure(directive, source, by[0])


def _time_figure(directive: Directive, source: PublishedSource, by: tuple[str, ...]) -> Figure:
    published = source(directive.indicator, by, directive.where)
    rows = time_rows(published)
    years = sorted({str(row["year"]) for row in rows})
    dim = series_dim(published)
    span = f", {years[0]}–{years[-1]}" if years else ""
    split = f" nach {dimension_title(dim)}" if dim else ""
    title = directive.option("title") or f"{published.indicator.title}{split}{_filters(directive.where)}{span}"
    header, table = _pivot_rows(rows, dim)
    return Figure(
        published,
        charts.time_series_chart(published, title),
        title,
        _time_description(published, directive.where, dim),
        header,
        table,
    )


def _time_description(published: Published, where: Where, dim: str | None) -> str:
    kind = f"Liniendiagramm mit einer Linie je {dimension_title(dim)}" if dim else "Liniendiagramm"
    if dim or any(len(codes) != 1 for codes in where.values()):
        return f"{kind}; die Werte stehen in der Tabelle zur Abbildung."
    fixed = {d: codes[0] for d, codes in where.items()}
    single = series_sentence(published, fixed)
    return f"{kind}. {single}" if single else kind + "."


def series_sentence(published: Published, fixed: dict[str, str]) -> str:
    """The change sentence over a time series whose filters are fixed codes ("" when not possible)."""
    if any(dim not in published.by for dim in fixed):
        fixed = {}
    try:
        return sentence(published, fixed)
    except ValueError:
        return ""


def _breakdown_figure(directive: Directive, source: PublishedSource, dim: str) -> Figure:
    where = {d: codes for d, codes in directive.where.items() if d != "year"}
    published = source(directive.indicator, ("year", dim), where)
    year = _year(directive, published)
    rows, total = breakdown_rows(published, dim, year)
    title = directive.option("title") or (
        f"{published.indicator.title} nach {dimension_title(dim)}{_filters(where)}, {year}"
    )
    table = [[str(row["category"]), str(row["label"])] for row in rows]
    if total is not None:
        table.append([str(total["category"]), str(total["label"])])
    known = [row for row in rows if row["value"] is not None]
    description = f"Balkendiagramm nach {dimension_title(dim)} für {year}"
    if known:
        high = max(known, key=lambda row: float(row["value"]))
        low = min(known, key=lambda row: float(row["value"]))
        description += (
            f": höchster Wert {high['category']} ({high['label']}), niedrigster {low['category']} ({low['label']})"
        )
    return Figure(
        published,
        charts.breakdown_chart(published, dim, title, year=year),
        title,
        description + _withheld_note(rows) + ".",
        [dimension_title(dim), value_header(published)],
        table,
    )


def map_figure(directive: Directive, source: PublishedSource) -> Figure:
    """A choropleth of the Stadtteile for one year (the latest unless ``year=`` says otherwise)."""
    where = {d: codes for d, codes in directive.where.items() if d != "year"}
    published = source(directive.indicator, ("year", "stadtteil"), where)
    year = _year(directive, published)
    title = directive.option("title") or f"{published.indicator.title} nach Stadtteilen{_filters(where)}, {year}"
    classes = map_classes(published, year)
    names = geo.stadtteil_names()
    items = sorted(classes.by_code.items(), key=lambda item: names.get(item[0], item[0]))
    table = [[names.get(code, code), str(item["label"]), str(item["klasse"])] for code, item in items if code in names]
    description = (
        f"Karte der {len(names)} Stadtteile in {len(classes.labels)} Klassen ({', '.join(classes.labels)})"
        + _withheld_note(list(classes.by_code.values()))
        + "."
    )
    return Figure(
        published,
        charts.stadtteil_map(published, geo.stadtteil_geojson(), title, year=year),
        title,
        description,
        ["Stadtteil", value_header(published), "Klasse"],
        table,
        (geo.ATTRIBUTION,),
    )


def figure_html(figure: Figure, number: int, anchor: str, credits: list[str], interactive: bool = False) -> str:
    """The figure element: drawing, numbered caption, description, source line and data table.

    The drawing is SVG, so the page needs no JavaScript; ``interactive`` adds the Vega-Lite spec
    for the site's ``charts.js``, which redraws it with tooltips (``data-chart-spec``).
    """
    spec = {key: value for key, value in figure.spec.items() if key != "title"}  # the caption names it
    caption_id, description_id = f"{anchor}-titel", f"{anchor}-beschreibung"
    data = html_table(f"Daten zu Abbildung {number}", figure.table_header, figure.table_rows)
    label = f'role="img" aria-labelledby="{caption_id}" aria-describedby="{description_id}"'
    script = ""
    if interactive:
        label += f' data-chart-spec="{anchor}-spec"'
        script = f'<script type="application/json" id="{anchor}-spec">{json_for_script(figure.spec)}</script>'
    return (
        f'<figure class="bila-figure" id="{anchor}">'
        f'<figcaption id="{caption_id}"><span class="bila-label">Abbildung {number}:</span> '
        f"{escape(figure.title)}</figcaption>"
        f'<div class="bila-drawing" {label}>{decorative_svg(svg_of(spec))}</div>'
        f'<p class="bila-description" id="{description_id}">{escape(figure.description)}</p>'
        f'<p class="bila-credit">{escape("; ".join(credits))}</p>'
        f'<details class="bila-data"><summary>Daten zu Abbildung {number}</summary>{data}</details>'
        f"{script}</figure>"
    )


def _pivot_rows(rows: list[dict[str, Any]], dim: str | None) -> tuple[list[str], list[list[str]]]:
    if not dim:
        return ["Jahr", "Wert"], [[str(row["year"]), str(row["label"])] for row in rows]
    series = list(dict.fromkeys(str(row["series"]) for row in rows))
    by_year: dict[str, dict[str, str]] = {}
    for row in rows:
        by_year.setdefault(str(row["year"]), {})[str(row["series"])] = str(row["label"])
    return ["Jahr", *series], [[year, *(found.get(s, "x") for s in series)] for year, found in by_year.items()]


def _year(directive: Directive, published: Published) -> str:
    wanted = directive.where.get("year", ())
    return wanted[0] if wanted else (latest_year(published) or "")


def _filters(where: Where) -> str:
    return qualifier({dim: codes[0] for dim, codes in where.items() if dim != "year" and len(codes) == 1})


def _withheld_note(rows: list[dict[str, Any]]) -> str:
    count = sum(1 for row in rows if row.get("secret"))
    if not count:
        return ""
    return f"; {count} {'Wert ist' if count == 1 else 'Werte sind'} aus Gründen der Geheimhaltung nicht ausgewiesen (.)"
