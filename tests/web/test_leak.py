"""Leak test: crawl every public output of the demo city and prove that no withheld count shows.

Clara (anonymous) follows every internal link from ``/``: pages, downloads (CSV, XLSX, JSON), the
API under ``/api/`` and the report with its PDF. Every `Published` the portal computes on the way
is recorded. Then:

* structured outputs (CSV, XLSX, JSON, API) are parsed into rows; no row may show a number for a
  cell that its `Published` withholds;
* every page that renders a withheld cell shows the marker ``.`` in a table cell and the legend;
* the report's PDF, as text laid out on its pages: every number a figure or table shows in the
  line of a Stadtteil, year, Schulart … is a published value of that cell (a withheld one shows ``.``);
* every cell's status agrees with the master tables (one status everywhere), and every master
  table touched by the crawl passes the attacker audit: from all cells with status ``S`` together,
  whichever outputs show them, no primary cell can be narrowed below its protection interval.

The crawler takes whatever exists; output-specific parsing lives in the small functions below.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess  # nosec B404 - pdftotext for the PDF's text
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.test import Client

from bildungslandschaft.core.disclosure.masters import audit_master
from bildungslandschaft.core.disclosure.primary import SECRET, CellStatus
from bildungslandschaft.core.disclosure.publish import LEGEND, Published
from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.web import analytics

MAX_OUTPUTS = 400
SKIP = ("/admin/", "/static/", "/i18n/", "/konto/", "/steuerung/", "/media/")
COLUMN_ALIASES = {"jahr": "year", "schule": "school", "gebiet": "region", "schulnummer": "school"}
CHECKED: list[int] = []  # rows looked up in the gate's answer (reported by the crawl test)
VALUE_COLUMNS = {"value", "wert", "numerator", "zaehler", "zähler", "denominator", "nenner", "anzahl", "count"}


@dataclass
class Output:
    url: str
    content_type: str
    body: bytes
    published: list[Published] = field(default_factory=list)


# --- crawling ------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src", "data-url", "data-src"} and value:
                self.found.append(value)


def links(page: Output) -> list[str]:
    """Internal links of an HTML page, absolute paths with query, without fragments."""
    parser = _Links()
    parser.feed(page.body.decode("utf-8", "replace"))
    paths = []
    for href in parser.found:
        parts = urlsplit(urljoin(page.url, href))
        if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith(SKIP):
            paths.append(path)
    return paths


def json_links(page: Output) -> list[str]:
    """Internal URLs named anywhere in a JSON document (API links, data package resources)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(("/", "http://testserver/")):
            parts = urlsplit(value)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(SKIP) and "{" not in path:
                found.append(path)

    walk(json.loads(page.body))
    return found


def crawl(client: Client, starts: Iterable[str] = ("/", "/api/", "/bericht/")) -> Iterator[Output]:
    """Every reachable public output (breadth first, at most `MAX_OUTPUTS`)."""
    seen, queue, fetched = set(starts), deque(starts), 0
    while queue and fetched < MAX_OUTPUTS:
        url = queue.popleft()
        fetched += 1
        response = client.get(url)
        assert response.status_code < 500, f"{url}: Serverfehler {response.status_code}"
        if response.status_code != 200 or getattr(response, "streaming", False):
            continue
        page = Output(url, response.get("Content-Type", ""), response.content, _published_in(response))
        yield page
        found = links(page) if "html" in page.content_type else []
        if "json" in page.content_type:
            found = json_links(page)
        if found:
            for link in found:
                if link not in seen:
                    seen.add(link)
                    queue.append(link)


def _published_in(response: Any) -> list[Published]:
    """The `Published` results a template rendered (directly or in lists and dicts)."""
    found: list[Published] = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            found.extend(_find_published(value))
    return found


def _find_published(value: object, depth: int = 0) -> Iterator[Published]:
    if isinstance(value, Published):
        yield value
    elif depth < 3 and isinstance(value, list | tuple):
        for item in value:
            yield from _find_published(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _find_published(item, depth + 1)


# --- parsers, one per output type ----------------------------------------------------------


def rows_of(page: Output) -> list[dict[str, str]] | None:
    """The records of a structured output; None for pages and other files."""
    kind = page.content_type.split(";")[0].strip()
    if page.url.split("?")[0].endswith(".csv") or kind == "text/csv":
        return csv_rows(page.body)
    if kind == "application/json" or page.url.split("?")[0].endswith(".json"):
        return json_rows(json.loads(page.body))
    if "spreadsheetml" in kind or page.url.split("?")[0].endswith(".xlsx"):
        return xlsx_rows(page.body)
    return None


def csv_rows(body: bytes) -> list[dict[str, str]]:
    text = body.decode("utf-8-sig", "replace")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    dialect = csv.Sniffer().sniff(lines[0], delimiters=";,\t")
    return [
        {_name(key): str(value) for key, value in row.items() if key}
        for row in csv.DictReader(io.StringIO("\n".join(lines)), dialect=dialect)
    ]


def json_rows(data: object, context: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Every JSON object with scalar fields, anywhere in the document, as text fields.

    Scalar fields of nested objects (``"schluessel": {"stadtteil": …}``) belong to the row; the
    indicator named by an enclosing object is carried down to the rows inside it.
    """
    context = context or {}
    rows: list[dict[str, str]] = []
    if isinstance(data, dict):
        row = dict(context)
        for key, value in data.items():
            if isinstance(value, dict) and value and all(not isinstance(v, dict | list) for v in value.values()):
                row.update({_name(k): _text(v) for k, v in value.items()})
            elif not isinstance(value, dict | list):
                row[_name(key)] = _text(value)
        if row.keys() - context.keys():
            rows.append(row)
        inner = {k: v for k, v in row.items() if k in {"indikator", "indicator"}}
        for value in data.values():
            if isinstance(value, dict | list):
                rows.extend(json_rows(value, {**context, **inner}))
    elif isinstance(data, list):
        for item in data:
            rows.extend(json_rows(item, context))
    return rows


def _text(value: object) -> str:
    return "" if value is None else str(value)


def xlsx_rows(body: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    rows: list[dict[str, str]] = []
    for sheet in load_workbook(io.BytesIO(body), read_only=True, data_only=True).worksheets:
        values = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        header = next((row for row in values if sum(bool(cell) for cell in row) > 1), None)
        if header is None:
            continue
        for row in values[values.index(header) + 1 :]:
            rows.append({_name(name): cell for name, cell in zip(header, row, strict=False) if name})
    return rows


def pdf_text(body: bytes) -> str:
    """The PDF's text as laid out on its pages (poppler's ``pdftotext -layout``): a table row stays one line."""
    program = shutil.which("pdftotext")
    assert program, "pdftotext fehlt (Debian: poppler-utils; .ci/run installiert es)"
    done = subprocess.run([program, "-layout", "-enc", "UTF-8", "-", "-"], input=body, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


CAPTION = re.compile(r"^\s*(Abbildung|Tabelle) (\d+): ")
SHOWN_NUMBER = re.compile(r"[−-]?\d[\d.]*(?:,\d+)?(?: %)?")


def pdf_sections(text: str) -> dict[str, list[list[str]]]:
    """The lines of every numbered figure and table (``Tabelle 3``), caption to source line, as cells.

    Cells are separated by two or more spaces; a label followed by its value with one space
    (``Gymnasien 0,0 %``, as bar charts draw them) is split into two cells.
    """
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in text.splitlines():
        found = CAPTION.match(line)
        if found:
            current = sections.setdefault(f"{found[1]} {found[2]}", [])
        elif line.strip().startswith("Quelle:"):
            current = None
        elif current is not None and line.strip():
            current.append([part for cell in re.split(r"\s{2,}", line.strip()) for part in _label_and_value(cell)])
    return sections


def _label_and_value(cell: str) -> list[str]:
    found = re.fullmatch(rf"(.*\D) ({SHOWN_NUMBER.pattern})", cell)
    return [found[1], found[2]] if found and not found[1].endswith((" bis", "bis")) else [cell]


def pdf_unpublished_numbers(
    sections: dict[str, list[list[str]]], captions: dict[str, tuple[str, str]], results: Iterable[Published]
) -> tuple[list[str], int]:
    """Numbers a figure or table of the PDF shows that its indicator's published cells do not contain.

    ``captions`` names title and indicator of each figure and table (``Tabelle 3``).
    A line belongs to the cells labelled by its first cell (a Stadtteil, a year, a Schulart …); each
    number on it must be one of those cells' published values – a withheld cell shows ``.``. Returns
    the findings and how many numbers were checked.
    """
    findings, checked = [], 0
    results = list(results)
    for name, lines in sections.items():
        title, indicator = captions.get(name, ("", ""))
        candidates = [result for result in results if result.indicator.id == indicator]
        shown = _published_by_label(candidates)
        for cells in lines:
            label, *rest = cells
            if label not in shown:
                continue
            for text in rest:
                if SHOWN_NUMBER.fullmatch(text) and text not in shown:  # a label (year on an axis) is no value
                    checked += 1
                    if text not in shown[label]:
                        findings.append(f"{name} ({title}), {label}: {text} ist kein veröffentlichter Wert")
    return findings, checked


def _published_by_label(results: Iterable[Published]) -> dict[str, set[str]]:
    """For each label a cell is shown under, the texts of the published cells under it (with ``.``)."""
    from bildungslandschaft.core.labels import code_label, format_value

    shown: dict[str, set[str]] = {}
    for result in results:
        for cell in result.cells:
            text = SECRET if cell.withheld else format_value(result.indicator, cell.value, cell.flag)
            for dim in result.by:
                shown.setdefault(code_label(dim, str(cell.key[dim])), set()).add(text)
    return shown


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._open = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"td", "th"}:
            self._open, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._open:
            self.cells.append(" ".join("".join(self._text).split()))
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def table_cells(page: Output) -> list[str]:
    """The text of every table cell of an HTML page."""
    parser = _Tables()
    parser.feed(page.body.decode("utf-8", "replace"))
    return parser.cells


def _code(dim: str, text: str) -> str:
    """The code of a dimension value that an output may show as its label (``Altstadt``)."""
    catalog = analytics.catalog()
    for dataset in catalog.datasets.values():
        if dataset.dimension(dim) is not None:
            return catalog.classification_of(dataset, dim).resolve(text) or text
    return text


def _name(column: str) -> str:
    return column.strip().casefold()


# --- the checks ----------------------------------------------------------------------------


def _shows_number(row: dict[str, str]) -> bool:
    for column in VALUE_COLUMNS & row.keys():
        text = row[column].strip()
        if text and text != SECRET and re.fullmatch(r"-?[\d.,]+", text):
            return True
    return False


def withheld_shown(url: str, rows: Iterable[dict[str, str]]) -> list[str]:
    """Rows that show a number for a cell the gate withholds.

    Each row is looked up in the portal's own answer for the same indicator (named in the row or
    the URL), breakdown (the dimension columns of the row) and filters (the URL's parameters).
    """
    catalog = analytics.catalog()
    parts = urlsplit(url)
    named = [part for part in parts.path.split("/") if part in catalog.indicators]
    params = {key: values[0] for key, values in parse_qs(parts.query).items()}
    leaks = []
    for shown in rows:
        indicator_id = shown.get("indikator") or shown.get("indicator") or (named[0] if named else None)
        if indicator_id not in catalog.indicators or not _shows_number(shown):
            continue
        indicator = catalog.indicator(indicator_id)
        row = {COLUMN_ALIASES.get(column, column): text for column, text in shown.items()}
        by = tuple(dim for dim in indicator.breakdowns if row.get(dim))
        if not by:
            continue  # a total over every year and place: no output shows it without a dimension
        where = {dim: tuple(params[dim].split(",")) for dim in indicator.breakdowns if dim in params and dim not in by}
        try:
            published = analytics.published(indicator_id, by, where)
        except (QueryError, KeyError):
            continue
        key = {dim: _code(dim, row[dim]) for dim in by}
        CHECKED.append(1)
        leaks += [f"{indicator_id} {key}: {row}" for cell in published.cells if cell.withheld and cell.key == key]
    return leaks


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Published]:
    """Every `Published` the portal computes while the test runs."""
    found: list[Published] = []
    original = analytics.publish

    def recording(*args: Any, **kwargs: Any) -> Published:
        result = original(*args, **kwargs)
        found.append(result)
        return result

    monkeypatch.setattr(analytics, "publish", recording)
    return found


@pytest.mark.django_db
def test_crawl_of_every_public_output_leaks_no_withheld_count(portal: str, recorded: list[Published]) -> None:
    from bildungslandschaft.web.report import demo as report_demo

    report_demo.load()  # the Bildungsbericht as `make demo` installs it, with its PDF
    client = Client()
    outputs = list(crawl(client))
    # the portal's own indicator outputs, crawled or not yet linked: the gate answers the same
    recorded.extend(_standard_outputs())

    assert outputs, "die Startseite ist nicht erreichbar"
    kinds = Counter(page.content_type.split(";")[0] for page in outputs)
    print(f"{len(outputs)} Ausgaben gecrawlt: {dict(kinds)}, {len(recorded)} veröffentlichte Ergebnisse")
    CHECKED.clear()
    leaks: list[str] = []
    pdf_numbers: list[int] = []
    for page in outputs:
        rows = rows_of(page)
        if rows is not None:
            leaks += [f"{page.url}: {leak}" for leak in withheld_shown(page.url, rows)]
        elif "html" in page.content_type and any(c.withheld for p in page.published for c in p.cells):
            cells = table_cells(page)
            if SECRET not in cells or LEGEND[SECRET] not in page.body.decode("utf-8", "replace"):
                leaks.append(f"{page.url}: gesperrte Zelle ohne „.“ in der Tabelle oder ohne Zeichenerklärung")
        elif "pdf" in page.content_type:
            findings, checked = pdf_unpublished_numbers(pdf_sections(pdf_text(page.body)), _report_captions(), recorded)
            leaks += [f"{page.url}: {finding}" for finding in findings]
            pdf_numbers.append(checked)
    print(f"{len(CHECKED)} Zeilen mit Zahlen gegen die Sperrung geprüft, {sum(pdf_numbers)} Zahlen im PDF-Text")
    assert leaks == []
    assert pdf_numbers and all(pdf_numbers), "der Bericht als PDF wurde nicht erreicht oder zeigt keine geprüfte Zahl"
    _assert_one_status_everywhere(recorded)
    _assert_masters_withstand_the_attacker()


def _report_captions() -> dict[str, tuple[str, str]]:
    """``Abbildung 3`` → its title and indicator, from the report the portal renders."""
    from bildungslandschaft.web.report import rendering

    report = rendering.current_report()
    return {
        f"{'Abbildung' if caption.kind == 'figure' else 'Tabelle'} {caption.number}": (caption.title, caption.indicator)
        for caption in (*report.figures, *report.tables)
    }


def _standard_outputs() -> list[Published]:
    """Each indicator with a count behind it by year × Stadtteil or Schule, as the portal shows them."""
    found = []
    catalog = analytics.catalog()
    for indicator in ("leavers", "leavers_without_hsa_share", "sgb2_children_rate", "sen_rate", "repeaters_rate"):
        for dim in ("stadtteil", "school", "klassenstufe"):
            if dim in catalog.indicator(indicator).breakdowns:
                found.append(analytics.published(indicator, ("year", dim), {"year": ("2025",)}))
    return found


def _assert_one_status_everywhere(recorded: list[Published]) -> None:
    """A cell withheld in one output is withheld in every other output showing the same count."""
    gate = analytics.gate()
    space = analytics.workspace()
    from bildungslandschaft.core.result import Query

    for result in recorded:
        raw = space.compute(Query(result.indicator.id, result.by, result.where, totals=True))
        by_key = {tuple(sorted((k, str(v)) for k, v in c.key.items())): c for c in raw.cells}
        for cell in result.cells:
            source = by_key[tuple(sorted(cell.key.items()))]
            terms = [gate.term_status(raw, source, name) for name in ("num", "den")]
            master = [t.status for t in terms if t is not None]
            if any(status is not CellStatus.SAFE for status in master):
                assert cell.withheld, f"{result.indicator.id} {cell.key}: Haupttabelle sperrt, Ausgabe zeigt"


def _assert_masters_withstand_the_attacker() -> None:
    masters = [master for master in analytics.gate().masters.values() if master is not None]
    assert masters, "keine Haupttabelle geschützt: die Ausgaben zeigen keine Fallzahl über Personen"
    for master in masters:
        report = audit_master(master)
        assert report.passed, report.leaks[:3]


@pytest.mark.django_db
def test_leak_check_flags_a_number_shown_for_a_withheld_cell(portal: str) -> None:
    published = analytics.published("leavers_without_hsa_share", ("year", "school"))
    hidden = next(cell for cell in published.cells if cell.withheld)
    forged = f"year,school,wert,status\n{hidden.key['year']},{hidden.key['school']},12.5,S\n".encode()
    url = "/api/indikatoren/leavers_without_hsa_share/werte.csv?by=year,school"

    leaks = withheld_shown(url, csv_rows(forged))

    assert len(leaks) == 1
    assert withheld_shown(url, csv_rows(forged.replace(b"12.5,S", b",U"))) == []


@pytest.mark.django_db
def test_pdf_check_flags_a_number_shown_for_a_withheld_cell(portal: str) -> None:
    from bildungslandschaft.core.labels import code_label, format_value

    published = analytics.published("leavers_without_hsa_share", ("school",), {"year": ("2025",)})
    hidden = next(cell for cell in published.cells if cell.withheld)
    shown = next(cell for cell in published.cells if not cell.withheld and cell.key["school"] != "_T")
    label = code_label("school", str(hidden.key["school"]))
    other = code_label("school", str(shown.key["school"]))
    value = format_value(published.indicator, shown.value)
    title = f"{published.indicator.title} nach Schule, 2025"
    page = (
        f" Tabelle 1: {title}\n\n  Schule          Wert\n  {other}          {value}\n"
        f"  {label}          12,5 %\n Quelle: Stadt\n"
    )
    captions = {"Tabelle 1": (title, published.indicator.id)}

    findings, checked = pdf_unpublished_numbers(pdf_sections(page), captions, [published])

    assert checked == 2
    assert findings == [f"Tabelle 1 ({title}), {label}: 12,5 % ist kein veröffentlichter Wert"]
    honest = page.replace("12,5 %", SECRET)
    assert pdf_unpublished_numbers(pdf_sections(honest), captions, [published]) == ([], 1)
