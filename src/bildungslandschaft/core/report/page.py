"""HTML documents of a rendered report: fragments for the web page, a standalone page, the print document."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib.resources import files

from bildungslandschaft.core.report.model import Caption, RenderedReport, SourceEntry


def stylesheet(name: str) -> str:
    """``report.css`` (screen and shared) or ``print.css`` (paged media for the PDF)."""
    return (files("bildungslandschaft.core.report") / "styles" / name).read_text(encoding="utf-8")


def toc_html(report: RenderedReport) -> str:
    """Table of contents: chapters with their numbered sections, then the sources."""
    items = []
    for chapter in report.chapters:
        sections = "".join(
            f'<li><a href="#{s.anchor}"><span class="bila-number">{s.number}</span> {escape(s.title)}</a></li>'
            for s in chapter.sections
        )
        nested = f"<ol>{sections}</ol>" if sections else ""
        items.append(
            f'<li><a href="#{chapter.anchor}"><span class="bila-number">{chapter.number}</span> '
            f"{escape(chapter.title)}</a>{nested}</li>"
        )
    registers = [
        ("abbildungen", "Abbildungsverzeichnis", report.figures),
        ("tabellen", "Tabellenverzeichnis", report.tables),
    ]
    items += [f'<li><a href="#{anchor}">{label}</a></li>' for anchor, label, found in registers if found]
    items.append('<li><a href="#quellen">Quellen</a></li>')
    return (
        '<nav class="bila-toc" aria-labelledby="inhalt-titel"><h2 id="inhalt-titel">Inhalt</h2>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def chapters_html(report: RenderedReport) -> str:
    return "".join(
        f'<section class="bila-chapter" aria-labelledby="{c.anchor}">'
        f'<h2 id="{c.anchor}"><span class="bila-number">{c.number}</span> {escape(c.title)}</h2>{c.html}</section>'
        for c in report.chapters
    )


def registers_html(report: RenderedReport) -> str:
    """Lists of figures and tables (with page numbers in print, through CSS)."""
    parts = []
    for anchor, label, captions in (
        ("abbildungen", "Abbildungsverzeichnis", report.figures),
        ("tabellen", "Tabellenverzeichnis", report.tables),
    ):
        if captions:
            parts.append(
                f'<section class="bila-register" aria-labelledby="{anchor}"><h2 id="{anchor}">{label}</h2>'
                f"<ol>{_caption_items(captions)}</ol></section>"
            )
    return "".join(parts)


def _caption_items(captions: Iterable[Caption]) -> str:
    word = {"figure": "Abbildung", "table": "Tabelle"}
    return "".join(f'<li><a href="#{c.anchor}">{word[c.kind]} {c.number}: {escape(c.title)}</a></li>' for c in captions)


def sources_html(report: RenderedReport) -> str:
    items = "".join(_source_item(entry) for entry in report.sources)
    return (
        '<section class="bila-sources" aria-labelledby="quellen"><h2 id="quellen">Quellen</h2>'
        "<p>Alle Werte haben die Geheimhaltungsprüfung durchlaufen; ein Punkt (.) steht für einen "
        "Wert, der aus Gründen der Geheimhaltung nicht ausgewiesen wird.</p>"
        f"<ol>{items}</ol></section>"
    )


def _source_item(entry: SourceEntry) -> str:
    credits = "; ".join(entry.credits)
    return (
        f'<li><span class="bila-source-title">{escape(entry.title)}</span> '
        f'<span class="bila-source-id">({escape(entry.indicator)})</span>: {escape(entry.source)}. '
        f"{escape(credits)}</li>"
    )


def title_block(report: RenderedReport) -> str:
    meta = report.meta
    lines = [f'<h1 class="bila-report-title">{escape(meta.title)}</h1>']
    lines += [f'<p class="bila-{name}">{escape(text)}</p>' for name, text in _meta_lines(report) if text]
    return "".join(lines)


def _meta_lines(report: RenderedReport) -> list[tuple[str, str]]:
    meta = report.meta
    return [("subtitle", meta.subtitle), ("publisher", meta.publisher), ("date", meta.date), ("notice", meta.notice)]


def standalone_html(report: RenderedReport) -> str:
    """A self-contained page (styles and drawings inline), e.g. for ``bila report build``."""
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.meta.title)}</title><style>{stylesheet('report.css')}</style></head>"
        f'<body><main class="bila-report">{title_block(report)}{toc_html(report)}{chapters_html(report)}'
        f"{registers_html(report)}{sources_html(report)}</main></body></html>"
    )


def print_html(report: RenderedReport) -> str:
    """The document WeasyPrint turns into the PDF: title page, contents with page numbers, chapters."""
    meta = report.meta
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{escape(meta.title)}</title>"
        f'<meta name="author" content="{escape(meta.publisher)}">'
        f'<meta name="description" content="{escape(meta.subtitle)}">'
        f"<style>{stylesheet('report.css')}{stylesheet('print.css')}</style></head>"
        f'<body class="bila-print"><section class="bila-title-page">{title_block(report)}</section>'
        f"{toc_html(report)}{chapters_html(report)}{registers_html(report)}{sources_html(report)}</body></html>"
    )
