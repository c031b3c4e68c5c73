"""The directive syntax: what authors write, and the German errors they get."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.report.render import check_chapter, directives_of
from bildungslandschaft.core.report.syntax import DirectiveError, check, parse_directive


def test_parse_directive_reads_kind_indicator_breakdown_filters_and_options() -> None:
    directive = parse_directive(
        '::: chart indicator=pupils by=year,schulart stadtteil=cracau title="Schüler:innen in Cracau" :::'
    )

    assert (directive.kind, directive.indicator, directive.by) == ("chart", "pupils", ("year", "schulart"))
    assert directive.where == {"stadtteil": ("cracau",)}
    assert directive.options == {"title": "Schüler:innen in Cracau"}


def test_parse_directive_splits_comma_separated_filter_codes() -> None:
    directive = parse_directive("::: table indicator=pupils by=schulart year=2024,2025 :::")

    assert directive.where == {"year": ("2024", "2025")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("::: diagramm indicator=pupils :::", "unbekannte Anweisung 'diagramm'"),
        ("::: chart by=year :::", "indicator=… fehlt"),
        ('::: chart indicator=pupils title="offen :::', "Anführungszeichen nicht geschlossen"),
        ("::: chart indicator=pupils jahr :::", "name=wert"),
        ("::: chart indicator=pupils by=year by=schulart :::", "by ist doppelt"),
    ],
)
def test_parse_directive_rejects_bad_syntax_with_the_line(text: str, message: str) -> None:
    with pytest.raises(DirectiveError) as raised:
        parse_directive(text, line=7)

    assert str(raised.value).startswith("Zeile 7: ")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("::: chart indicator=gibtsnicht :::", "unbekannter Indikator 'gibtsnicht'"),
        ("::: chart indicator=schools by=stadtteil :::", "'stadtteil' ist keine Aufgliederung von schools"),
        ("::: map indicator=schools :::", "gibt es nicht nach Stadtteilen"),
        ("::: map indicator=pupils stadtteil=cracau :::", "eine Karte zeigt alle Stadtteile"),
        ("::: table indicator=pupils by=year,schulart,geschlecht :::", "höchstens zwei Aufgliederungen"),
        ("::: sentence indicator=pupils schulart=gymnasium,grundschule :::", "genau einen Wert"),
        ("::: sentence indicator=pupils from=letztes :::", "erwartet ein Jahr"),
    ],
)
def test_check_rejects_directives_that_do_not_fit_the_catalog(catalog, text: str, message: str) -> None:
    with pytest.raises(DirectiveError, match=message):
        check(parse_directive(text), catalog)


def test_directives_in_code_blocks_are_examples_not_directives() -> None:
    body = (
        "Text ::: sentence indicator=pupils ::: Text.\n\n"
        "```\n::: chart indicator=pupils :::\n```\n\n"
        "::: map indicator=pupils :::\n"
    )

    assert directives_of(body) == [("::: sentence indicator=pupils :::", 1), ("::: map indicator=pupils :::", 7)]


def test_check_chapter_lists_every_error_with_its_line(catalog) -> None:
    body = "Einleitung.\n\n::: chart indicator=pupils :::\n\n::: chart indicator=nope :::\n\nText ::: sentence :::\n"

    problems = check_chapter(body, catalog, "Modul 2")

    assert [(p.line, p.message) for p in problems] == [
        (5, "unbekannter Indikator 'nope'"),
        (7, "sentence: indicator=… fehlt"),
    ]
    assert str(problems[0]) == "Kapitel „Modul 2“, Zeile 5: unbekannter Indikator 'nope'"
