"""Chapters rendered over the demo city: numbering, contents, figures, tables, sentences, sources."""

from __future__ import annotations

import re

from bildungslandschaft.core.geo import stadtteil_names
from bildungslandschaft.core.report.model import ChapterSource, ReportMeta
from bildungslandschaft.core.report.page import standalone_html
from bildungslandschaft.core.report.render import render_report

SCHOOLS = """Einleitung ::: sentence indicator=leavers_without_hsa_share from=2014 to=2025 :::

## Bildungserfolg

::: chart indicator=leavers_without_hsa_share by=year,geschlecht :::

::: table indicator=leavers by=year,abschluss :::

## Soziale Lage

::: map indicator=sgb2_children_rate year=2025 :::

::: sentence indicator=sgb2_children_rate stadtteil=cracau year=2025 :::
"""
KITA = """## Betreuung

::: chart indicator=childcare_rate_u3 by=year :::

::: chart indicator=pupils by=schulart :::
"""


def chapters() -> list[ChapterSource]:
    return [ChapterSource("schulen", "Allgemeinbildende Schulen", SCHOOLS), ChapterSource("kita", "Kita", KITA)]


def test_figures_and_tables_are_numbered_through_the_whole_report(catalog, demo_source) -> None:
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)

    assert [(c.number, c.anchor) for c in report.figures] == [
        (1, "abbildung-1"),
        (2, "abbildung-2"),
        (3, "abbildung-3"),
        (4, "abbildung-4"),
    ]
    assert [c.title for c in report.tables] == ["Absolvierende und Abgehende allgemeinbildender Schulen"]
    assert report.figures[1].title == "SGB-II-Quote der Kinder unter 15 Jahren nach Stadtteilen, 2025"
    html = report.chapters[1].html
    assert "Abbildung 3:</span>" in html and "Abbildung 4:</span>" in html
    assert report.problems == ()


def test_sections_are_numbered_per_chapter_for_the_contents(catalog, demo_source) -> None:
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)

    assert [(h.number, h.title, h.anchor) for c in report.chapters for h in c.sections] == [
        ("1.1", "Bildungserfolg", "abschnitt-1-1"),
        ("1.2", "Soziale Lage", "abschnitt-1-2"),
        ("2.1", "Betreuung", "abschnitt-2-1"),
    ]
    assert '<h3 id="abschnitt-1-2"><span class="bila-number">1.2</span> Soziale Lage</h3>' in report.chapters[0].html


def test_chart_is_inline_svg_named_by_its_caption_with_a_data_table(catalog, demo_source) -> None:
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)
    html = report.chapters[0].html

    assert (
        '<div class="bila-drawing" role="img" aria-labelledby="abbildung-1-titel" '
        'aria-describedby="abbildung-1-beschreibung"><svg aria-hidden="true" focusable="false"' in html
    )
    assert "data-chart-spec" not in html  # no scripts unless asked for (the PDF, the standalone file)
    assert "<summary>Daten zu Abbildung 1</summary>" in html
    table = html.split("<summary>Daten zu Abbildung 1</summary>")[1].split("</table>")[0]
    assert re.findall(r'<th scope="col">([^<]*)</th>', table) == ["Jahr", "Insgesamt", "männlich", "weiblich"]
    assert table.count('<th scope="row">') == 12  # 2014 … 2025


def test_table_has_rows_by_the_first_and_columns_by_the_second_dimension_with_one_total(catalog, demo_source) -> None:
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)
    table = report.chapters[0].html.split('<table class="bila-table" id="tabelle-1">')[1].split("</table>")[0]

    assert re.findall(r'<th scope="col">([^<]*)</th>', table) == [
        "Jahr",
        "ohne Hauptschulabschluss",
        "mit Hauptschulabschluss",
        "mit Mittlerem Abschluss",
        "mit allgemeiner Hochschulreife",
        "Insgesamt",
    ]
    leavers = demo_source("leavers", ("year", "abschluss"), {})
    total_2025 = leavers.cell(year="2025", abschluss="_T").value
    assert total_2025 is not None
    assert '<th scope="row">2025</th>' in table
    assert (
        table.split('<th scope="row">2025</th>')[1]
        .split("</tr>")[0]
        .endswith(f'<td class="num">{total_2025:,.0f}</td>'.replace(",", "."))
    )


def test_generated_sentence_states_the_published_values(catalog, demo_source) -> None:
    series = demo_source("leavers_without_hsa_share", ("year",), {})
    first, last = series.cell(year="2014").value, series.cell(year="2025").value
    assert first is not None and last is not None
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)

    expected = f"von {first:.1f} % im Jahr 2014 auf {last:.1f} % im Jahr 2025".replace(".", ",")
    assert expected in report.chapters[0].html


def test_withheld_stadtteil_value_never_appears_in_the_report(catalog, demo_source) -> None:
    by_stadtteil = demo_source("sgb2_children_rate", ("year", "stadtteil"), {})
    secret = next(  # the demo city has secrets here; which Stadtteil depends on the suppression pattern
        cell.key["stadtteil"]
        for cell in by_stadtteil.cells
        if cell.key["year"] == "2025" and cell.key["stadtteil"] != "_T" and cell.withheld
    )
    name = stadtteil_names()[secret]
    chapter = SCHOOLS.replace("stadtteil=cracau", f"stadtteil={secret}")
    report = render_report(ReportMeta("Bericht"), [ChapterSource("schulen", "Schulen", chapter)], catalog, demo_source)
    html = report.chapters[0].html

    assert (
        f"Die SGB-II-Quote der Kinder unter 15 Jahren im Stadtteil {name} ist für das Jahr 2025 aus Gründen der "
        "Geheimhaltung nicht ausgewiesen." in html
    )
    map_table = html.split("<summary>Daten zu Abbildung 2</summary>")[1].split("</table>")[0]
    assert f'<tr><th scope="row">{name}</th><td class="num">.</td><td class="num">geheim (.)</td></tr>' in map_table


def test_broken_directive_shows_a_note_and_the_rest_still_renders(catalog, demo_source) -> None:
    broken = ChapterSource("x", "Kaputt", "Davor.\n\n::: chart indicator=nope :::\n\n::: chart indicator=pupils :::\n")

    report = render_report(ReportMeta("Bericht"), [broken], catalog, demo_source)

    assert [str(p) for p in report.problems] == ["Kapitel „Kaputt“, Zeile 3: unbekannter Indikator 'nope'"]
    assert (
        'class="bila-problem" role="note">Hinweis: Diese Angabe fehlt (unbekannter Indikator &#x27;nope&#x27;).'
        in report.chapters[0].html
    )
    assert len(report.figures) == 1


def test_chapter_text_cannot_inject_html(catalog, demo_source) -> None:
    evil = ChapterSource(
        "x",
        "<b>Titel</b>",
        'Text <script>alert(1)</script>\n\n::: chart indicator=pupils title="<img src=x onerror=alert(1)>" :::\n',
    )

    html = standalone_html(render_report(ReportMeta("Bericht"), [evil], catalog, demo_source))

    assert "<script>" not in html and "<img" not in html and "<b>Titel" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_sources_list_every_indicator_with_its_attribution(catalog, demo_source) -> None:
    report = render_report(ReportMeta("Bericht"), chapters(), catalog, demo_source)

    assert sorted(entry.indicator for entry in report.sources) == [
        "childcare_rate_u3",
        "leavers",
        "leavers_without_hsa_share",
        "pupils",
        "sgb2_children_rate",
    ]
    sgb2 = next(entry for entry in report.sources if entry.indicator == "sgb2_children_rate")
    assert any("OpenStreetMap" in credit for credit in sgb2.credits)


def test_interactive_page_embeds_each_spec_safely_for_the_browser(catalog, demo_source) -> None:
    title = "</script><script>alert(1)</script>"
    chapter = ChapterSource(
        "x", "X", f'::: chart indicator=pupils title="{title}" :::\n\n::: map indicator=pupils :::\n'
    )

    html = render_report(ReportMeta("Bericht"), [chapter], catalog, demo_source, interactive=True).chapters[0].html

    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert '<div class="bila-drawing" role="img"' in html and 'data-chart-spec="abbildung-2-spec"' in html
    assert '<script type="application/json" id="abbildung-1-spec">' in html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in html
