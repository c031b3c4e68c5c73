"""The demo report as PDF: title page, contents whose page numbers are right, tagged for accessibility."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from bildungslandschaft.core.report.build import Build, build_report
from bildungslandschaft.core.report.source import demo_folder, load_chapters, load_meta


@pytest.fixture(scope="module")
def demo_build(catalog, demo_source) -> Build:
    folder = demo_folder()
    return build_report(load_meta(folder), load_chapters(folder), catalog, demo_source)


@pytest.fixture(scope="module")
def pdf(demo_build: Build) -> PdfReader:
    return PdfReader(io.BytesIO(demo_build.pdf))


def page_text(pdf: PdfReader, number: int) -> str:
    return re.sub(r"\s+", " ", pdf.pages[number - 1].extract_text())


def test_demo_report_renders_without_problems_with_both_modules(demo_build: Build) -> None:
    report = demo_build.report

    assert report.problems == ()
    assert [c.title for c in report.chapters] == [
        "Einleitung",
        "Modul 1: Frühkindliche Bildung",
        "Modul 2: Allgemeinbildende Schulen",
    ]
    sections = [h.title for h in report.chapters[2].sections]
    assert sections == ["Schullandschaft", "Soziale Lage", "Inklusion", "Bildungserfolg", "Übergänge"]
    assert len(report.figures) >= 10 and len(report.tables) >= 3


def test_title_page_and_document_metadata(pdf: PdfReader) -> None:
    assert "Bildungsbericht der Demostadt" in page_text(pdf, 1)
    assert pdf.metadata is not None and pdf.metadata.title == "Bildungsbericht der Demostadt"
    assert pdf.trailer["/Root"]["/Lang"] == "de"
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged PDF (PDF/UA-1)


def test_contents_page_numbers_point_to_the_chapters(pdf: PdfReader, demo_build: Build) -> None:
    contents = page_text(pdf, 2)
    assert contents.startswith("Inhalt") or " Inhalt " in f" {contents} "
    for chapter in demo_build.report.chapters:
        found = re.search(rf"{chapter.number} {re.escape(chapter.title)} ?\.+ ?(\d+)", contents)
        assert found, f"{chapter.title} fehlt im Inhaltsverzeichnis"
        target = int(found.group(1))
        assert chapter.title in page_text(pdf, target)


def test_pages_carry_running_header_and_page_numbers(pdf: PdfReader) -> None:
    total = len(pdf.pages)

    assert f"Seite 5 von {total}" in page_text(pdf, 5)
    assert "Bildungsbericht der Demostadt" in page_text(pdf, 5)
    assert "Seite 1 von" not in page_text(pdf, 1)  # the title page has no header or footer


def test_figures_are_numbered_and_sources_come_last(pdf: PdfReader) -> None:
    text = " ".join(page_text(pdf, number) for number in range(1, len(pdf.pages) + 1))

    assert "Abbildung 1:" in text and "Tabelle 1:" in text
    assert "Abbildungsverzeichnis" in text
    last = page_text(pdf, len(pdf.pages))
    assert "Quellen" in " ".join(page_text(pdf, n) for n in range(len(pdf.pages) - 1, len(pdf.pages) + 1))
    assert "dl-de/by-2-0" in last or "Demodaten" in last


def test_timings_report_the_share_of_the_pdf_engine(demo_build: Build) -> None:
    timings = demo_build.timings

    assert timings.pdf_engine > 0 and timings.render > 0
    assert 0 < timings.pdf_share < 1
