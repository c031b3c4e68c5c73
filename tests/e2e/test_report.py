"""The Bildungsbericht in headless Chromium: accessible HTML, keyboard contents, a PDF that really renders."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import numpy
import pytest
from django.contrib.auth.models import User
from PIL import Image
from pypdf import PdfReader

from bildungslandschaft.web.report import demo, rendering

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-passwort-123"
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"  # docs/screenshots/bericht.png is one of them


def test_report_page_has_no_axe_violations_and_contents_work_by_keyboard(
    live_server: Any, portal: str, page: Any, axe: Any
) -> None:
    page.set_default_timeout(120_000)  # the machine is shared: rendering charts and PDF can take long
    demo.load()
    rendering.current_report()  # the first render takes seconds on a busy machine; the page test is about the page
    page.goto(live_server.url + "/bericht/", timeout=120_000)

    assert page.locator("h1").inner_text() == "Bildungsbericht der Demostadt"
    page.locator("#abbildung-8 .bila-drawing.is-drawn").wait_for()  # redrawn with tooltips by charts.js
    violations = axe(page)
    assert violations == [], violations
    link = page.get_by_role("navigation", name="Inhalt").get_by_role("link", name="2.4 Kita-Sozialarbeit")
    link.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#abschnitt-2-4")
    assert page.locator("#abschnitt-2-4").is_visible()
    figure = page.locator("#abbildung-1")
    drawing = figure.locator(".bila-drawing")
    assert drawing.get_attribute("aria-labelledby") == "abbildung-1-titel"  # vega-embed keeps the caption as name
    caption = page.locator("#abbildung-1-titel").inner_text()
    assert caption == "Abbildung 1: Kita-Plätze je 100 Kinder unter 6 Jahren, 2014–2025"
    assert drawing.locator("svg").first.is_visible()
    figure.locator("summary").click()
    assert figure.locator("table tbody tr").count() == 12
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(live_server.url + "/bericht/#abschnitt-3-2")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "bericht.png"))


def test_chapter_editor_with_preview_has_no_axe_violations(live_server: Any, portal: str, page: Any, axe: Any) -> None:
    page.set_default_timeout(120_000)  # the machine is shared: rendering charts and PDF can take long
    demo.load()
    User.objects.create_user("anna", password=PASSWORD, is_staff=True)
    page.goto(live_server.url + "/konto/anmelden/?next=/bericht/bearbeiten/einleitung/")
    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    page.get_by_label("Text (Markdown mit Anweisungen)").fill("Neu.\n\n::: chart indicator=pupils by=schulart :::\n")
    page.get_by_role("button", name="Vorschau").click()

    assert page.get_by_role("heading", name="Vorschau (nicht gespeichert)").is_visible()
    assert page.locator(".report-preview svg").count() == 1
    assert axe(page) == []


def test_pdf_renders_title_page_and_chart_pages(live_server: Any, portal: str, page: Any, tmp_path: Path) -> None:
    page.set_default_timeout(120_000)  # the machine is shared: rendering charts and PDF can take long
    demo.load()
    response = page.request.get(live_server.url + "/bericht/bericht.pdf", timeout=240_000)
    assert response.status == 200
    pdf = tmp_path / "bericht.pdf"
    pdf.write_bytes(response.body())
    reader = PdfReader(io.BytesIO(response.body()))
    chart_page = next(n for n, p in enumerate(reader.pages, 1) if "Abbildung 3:" in p.extract_text())

    title = rendered_page(pdf, 1, tmp_path)
    chart = rendered_page(pdf, chart_page, tmp_path)

    assert ink(title) > 0.003  # the title and notice are on the page
    assert ink(chart) > 0.03  # a map or chart fills a good part of the page
    assert has_colour(chart, (27, 94, 158))  # the charts' blue (#1b5e9e), so the drawing itself rendered


def rendered_page(pdf: Path, number: int, folder: Path) -> Image.Image:
    prefix = folder / f"seite-{number}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("RGB")


def ink(image: Image.Image) -> float:
    """Share of pixels that are not (almost) white."""
    return float((numpy.asarray(image.convert("L")) < 235).mean())


def has_colour(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 40) -> bool:
    distance = numpy.abs(numpy.asarray(image, dtype=int) - numpy.array(rgb)).sum(axis=2)
    return bool((distance < tolerance).any())
