"""One build of the report: render the chapters, assemble HTML, lay out the PDF, time each step."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.report.data import PublishedSource
from bildungslandschaft.core.report.model import ChapterSource, RenderedReport, ReportMeta
from bildungslandschaft.core.report.page import print_html, standalone_html
from bildungslandschaft.core.report.pdf import html_to_pdf
from bildungslandschaft.core.report.render import directives_of, render_report


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each step; ``pdf_engine`` is the time inside WeasyPrint."""

    render: float
    html: float
    pdf_engine: float

    @property
    def total(self) -> float:
        return self.render + self.html + self.pdf_engine

    @property
    def pdf_share(self) -> float:
        return self.pdf_engine / self.total if self.total else 0.0


@dataclass(frozen=True)
class Build:
    report: RenderedReport
    html: str
    pdf: bytes
    timings: Timings


def count_directives(chapters: Sequence[ChapterSource]) -> int:
    return sum(len(directives_of(chapter.body)) for chapter in chapters)


def build_report(
    meta: ReportMeta,
    chapters: Sequence[ChapterSource],
    catalog: Catalog,
    source: PublishedSource,
    progress: Callable[[str], None] | None = None,
    pdf: bool = True,
) -> Build:
    """Render, assemble and (unless ``pdf=False``) lay out the PDF; ``progress`` hears every step."""
    step = progress or (lambda _text: None)
    started = time.perf_counter()
    report = render_report(meta, chapters, catalog, source, step)
    rendered = time.perf_counter()
    html = standalone_html(report)
    document = print_html(report)
    assembled = time.perf_counter()
    step("PDF")
    data = html_to_pdf(document) if pdf else b""
    finished = time.perf_counter()
    return Build(report, html, data, Timings(rendered - started, assembled - rendered, finished - assembled))
