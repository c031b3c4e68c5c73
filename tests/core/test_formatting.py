"""German number formatting rounds half up, as official statistics publish."""

from bildungslandschaft.core.formatting import format_change, format_number, round_half_up


def test_half_rounds_up_not_to_even() -> None:
    assert format_number(11.25, 1) == "11,3"
    assert format_number(0.125, 2) == "0,13"
    assert format_number(2.5) == "3"
    assert round_half_up(-2.5) == -3.0


def test_thousands_and_signs() -> None:
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(None, 1, ".") == "."
    assert format_number(12.0, 0, "p") == "12 p"
    assert format_change(0.04, 1) == "±0,0"
    assert format_change(1.25, 1) == "+1,3"
