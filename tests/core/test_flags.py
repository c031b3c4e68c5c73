from __future__ import annotations

import pytest

from bildungslandschaft.core.flags import CellValue, SignError, parse_cell, worst_flag


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1917", CellValue(1917.0, None)),
        ("9,8", CellValue(9.8, None)),
        ("1.234.567", CellValue(1234567.0, None)),
        ("1.234,5", CellValue(1234.5, None)),
        ("-", CellValue(0.0, "-")),
        (".", CellValue(None, ".")),
        ("...", CellValue(None, "...")),
        ("/", CellValue(None, "/")),
        ("x", CellValue(None, "x")),
        ("0", CellValue(0.0, "0")),
        ("0,0", CellValue(0.0, "0")),
        ("(12)", CellValue(12.0, "()")),
        ("12p", CellValue(12.0, "p")),
        ("12 r", CellValue(12.0, "r")),
        ("3,5 s", CellValue(3.5, "s")),
        ("7e", CellValue(7.0, "e")),
        (" 42 ", CellValue(42.0, None)),
    ],
)
def test_parse_cell_reads_every_special_sign(raw: str, expected: CellValue) -> None:
    assert parse_cell(raw) == expected


@pytest.mark.parametrize("sign", [".", "x", "/", "..."])
def test_parse_cell_never_turns_unknown_signs_into_zero(sign: str) -> None:
    assert parse_cell(sign).value is None


def test_parse_cell_only_dash_means_zero() -> None:
    assert parse_cell("-").value == 0.0
    assert parse_cell("-").flag == "-"


def test_parse_cell_city_tables_read_zero_as_zero() -> None:
    assert parse_cell("0", zero_is_rounded=False) == CellValue(0.0, None)


@pytest.mark.parametrize("raw", ["abc", "", "12,3,4", "1.23", "--", "12q"])
def test_parse_cell_rejects_text(raw: str) -> None:
    with pytest.raises(SignError):
        parse_cell(raw)


def test_worst_flag_prefers_unknown_over_provisional() -> None:
    assert worst_flag([None, "p", ".", "()"]) == "."
    assert worst_flag(["p", None]) == "p"
    assert worst_flag([None, None]) is None
