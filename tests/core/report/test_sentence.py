"""Generated sentences: direction, units, and never a withheld value."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.report.sentence import SentenceError, sentence
from bildungslandschaft.core.result import Provenance

SAFE, PRIMARY, SECONDARY = CellStatus.SAFE, CellStatus.PRIMARY, CellStatus.SECONDARY


def published(catalog: Catalog, indicator: str, cells: dict[str, tuple[float | None, CellStatus]]) -> Published:
    """A published yearly series as the gate returns it (withheld cells carry no value)."""
    made = tuple(
        PublishedCell(
            {"year": year}, value if status is SAFE else None, None, None, status, None if status is SAFE else "."
        )
        for year, (value, status) in cells.items()
    )
    provenance = Provenance(indicator, (), (), "test", "duckdb", "2026-01-01")
    return Published(catalog.indicator(indicator), ("year",), {}, made, provenance, PrimaryRules())


def test_share_that_rises_is_written_with_percentage_points(catalog) -> None:
    series = published(catalog, "leavers_without_hsa_share", {"2014": (10.21, SAFE), "2025": (11.64, SAFE)})

    assert sentence(series, {}) == (
        "Der Anteil der Abgehenden ohne Hauptschulabschluss stieg von 10,2 % im Jahr 2014 auf 11,6 % im Jahr 2025 "
        "(+1,4 Prozentpunkte)."
    )


def test_rate_that_falls_takes_the_feminine_article_and_a_minus_sign(catalog) -> None:
    series = published(catalog, "sen_rate", {"2014": (11.25, SAFE), "2020": (9.5, SAFE), "2025": (9.24, SAFE)})

    assert sentence(series, {}, first="2020") == (
        "Die Förderquote sank von 9,5 % im Jahr 2020 auf 9,2 % im Jahr 2025 (−0,3 Prozentpunkte)."
    )


def test_count_with_author_subject_shows_relative_change(catalog) -> None:
    series = published(catalog, "pupils", {"2014": (21368, SAFE), "2025": (24763, SAFE)})

    text = sentence(series, {}, subject="Die Zahl der Schüler:innen")

    assert text == "Die Zahl der Schüler:innen stieg von 21.368 im Jahr 2014 auf 24.763 im Jahr 2025 (+15,9 %)."


def test_values_equal_after_rounding_are_not_called_a_rise(catalog) -> None:
    series = published(catalog, "sen_rate", {"2024": (9.24, SAFE), "2025": (9.2449, SAFE)})

    assert sentence(series, {}) == "Die Förderquote lag im Jahr 2024 wie im Jahr 2025 bei 9,2 %."


def test_single_year_gives_a_level_sentence(catalog) -> None:
    series = published(catalog, "sen_rate", {"2024": (9.25, SAFE), "2025": (9.24, SAFE)})

    assert sentence(series, {}, first="2025", last="2025") == "Die Förderquote lag im Jahr 2025 bei 9,2 %."


@pytest.mark.parametrize("status", [PRIMARY, SECONDARY])
def test_withheld_end_value_is_named_as_secret_and_never_shown(catalog, status: CellStatus) -> None:
    series = published(catalog, "sen_rate", {"2014": (11.26, SAFE), "2025": (7.77, status)})

    text = sentence(series, {})

    assert text == (
        "Die Förderquote lag im Jahr 2014 bei 11,3 %; der Wert für 2025 ist aus Gründen der Geheimhaltung "
        "nicht ausgewiesen."
    )
    assert "7,7" not in text and "7,8" not in text


def test_both_values_withheld(catalog) -> None:
    series = published(catalog, "sen_rate", {"2014": (None, PRIMARY), "2025": (None, SECONDARY)})

    assert sentence(series, {}) == (
        "Die Förderquote ist für die Jahre 2014 und 2025 aus Gründen der Geheimhaltung nicht ausgewiesen."
    )


def test_missing_year_is_an_error_for_the_author(catalog) -> None:
    series = published(catalog, "sen_rate", {"2014": (11.25, SAFE), "2025": (9.24, SAFE)})

    with pytest.raises(SentenceError, match="keine Werte für das Jahr 2030 \\(vorhanden: 2014 bis 2025\\)"):
        sentence(series, {}, last="2030")
