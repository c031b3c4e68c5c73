"""The program "Soziale Arbeit in Kitas": its Kitas, activity figures and needs versus coverage."""

from __future__ import annotations

import dataclasses

import pytest
from django.test import Client

from bildungslandschaft.core.coverage import PRIORITY, need_index, needs_vs_coverage
from bildungslandschaft.core.geo import stadtteil_names
from bildungslandschaft.core.labels import format_value
from bildungslandschaft.web import analytics
from bildungslandschaft.web.management.figures import latest_by
from bildungslandschaft.web.management.models import Program

pytestmark = pytest.mark.django_db


def test_demo_program_has_the_18_kitas_of_the_demo_city(demo_content: str) -> None:
    program = Program.objects.get(slug="kita-sozialarbeit")
    kitas = list(program.institutions.all())
    assert len(kitas) == 18
    assert {kita.joined.isoformat() for kita in kitas} == {"2020-01-01"}
    assert "18 Kitas" in demo_content


def test_priority_stadtteile_are_those_with_high_need_and_low_coverage(client: Client, demo_content: str) -> None:
    needs = {
        ident: latest_by(ident, "stadtteil")[1] for ident in ("sgb2_children_rate", "foreign_pupils_share", "sen_rate")
    }
    coverage = latest_by("kita_social_work_reach_share", "stadtteil")[1]
    rows = needs_vs_coverage(need_index(needs), coverage)
    names = stadtteil_names()
    priority = [names[row.unit] for row in rows if row.quadrant == PRIORITY]
    assert priority, "the demo city should have Stadtteile with high need and no Kita-Sozialarbeit"

    page = client.get("/steuerung/programme/kita-sozialarbeit/").content.decode()

    assert f"Hoher Bedarf, geringe Abdeckung: {', '.join(priority)}." in page
    assert 'data-target="bedarf-karte"' in page
    assert "Stadtteile nach Bedarf (Rang 1 = höchster Bedarf)" in page


def test_activity_table_shows_the_imported_figures_through_the_gate(client: Client, demo_content: str) -> None:
    published = analytics.published("kita_social_work_families", ("year",))
    cell = published.cell(year="2022")
    page = client.get("/steuerung/programme/kita-sozialarbeit/").content.decode()
    assert "Beratene Familien (Kita-Sozialarbeit)" in page
    assert f'<td class="num">{format_value(published.indicator, cell.value)}</td>' in page


def test_small_counts_are_withheld_in_the_activity_table(
    client: Client, demo_content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a minimum count above every figure of the program (its dataset's own rule), all are withheld."""
    catalog = analytics.catalog()
    dataset = catalog.datasets["program_activity"]
    strict = dataclasses.replace(dataset, disclosure=dataclasses.replace(dataset.disclosure, min_count=10**6))
    monkeypatch.setattr(
        analytics, "catalog", lambda: dataclasses.replace(catalog, datasets={**catalog.datasets, dataset.id: strict})
    )
    analytics.reset()
    try:
        page = client.get("/steuerung/programme/kita-sozialarbeit/").content.decode()
        published = analytics.published("kita_social_work_families", ("year",))
    finally:
        monkeypatch.undo()
        analytics.reset()
    assert published.cells and all(cell.value is None for cell in published.cells)
    assert '<td class="num">.</td>' in page


def test_program_list_links_to_the_program(client: Client, demo_content: str) -> None:
    page = client.get("/steuerung/programme/").content.decode()
    assert 'href="/steuerung/programme/kita-sozialarbeit/"' in page


def test_unknown_program_is_404(client: Client, site: str) -> None:
    assert client.get("/steuerung/programme/gibt-es-nicht/").status_code == 404
