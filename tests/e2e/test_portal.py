"""Clara uses the portal in headless Chromium: charts, map, download, keyboard, axe-core."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/indikatoren/?q=kita",
    "/indikatoren/sgb2_children_rate/",
    "/stadtteile/",
    "/stadtteile/buckau/",
    "/vergleich/?a=altstadt&b=buckau&indikator=sen_rate",
    "/quellen/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_axe_violations(live_server: Any, portal: str, page: Any, axe: Any, url: str) -> None:
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    assert axe(page) == []


def test_start_page_to_indicator_map_and_csv_download(live_server: Any, portal: str, page: Any, tmp_path: Path) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Förderquote").first.click()
    assert page.locator("h1").inner_text() == "Förderquote"
    map_canvas = page.locator("#abb-karte .chart-canvas")
    map_canvas.locator("svg path").first.wait_for()
    assert map_canvas.locator("svg path").count() > 40  # the 40 Stadtteile plus outlines
    assert page.locator("#abb-zeitreihe .chart-canvas svg").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV – nach Stadtteil").first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.endswith(".csv")
    content = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:2] == ["Jahr", "Stadtteil"]
    assert any(row[1] == "Buckau" for row in rows[1:])


def test_map_tooltip_names_the_stadtteil(live_server: Any, portal: str, page: Any) -> None:
    page.goto(live_server.url + "/indikatoren/sgb2_children_rate/")
    shape = page.locator("#abb-karte svg g.layer_0_marks path").nth(10)
    shape.wait_for()
    shape.scroll_into_view_if_needed()
    box = shape.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator("#vg-tooltip-element.visible").wait_for()
    assert "Stadtteil" in page.locator("#vg-tooltip-element").inner_text()


def test_without_javascript_the_table_carries_the_figures(live_server: Any, portal: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    plain = context.new_page()
    plain.goto(live_server.url + "/indikatoren/sen_rate/")
    plain.get_by_text("Daten als Tabelle").first.click()
    assert plain.locator("#abb-zeitreihe table tbody tr").count() >= 10
    context.close()


def test_keyboard_reaches_content_through_the_skip_link(live_server: Any, portal: str, page: Any) -> None:
    page.goto(live_server.url + "/indikatoren/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "suche"
