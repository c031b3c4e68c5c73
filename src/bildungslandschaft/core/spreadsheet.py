"""Cells for spreadsheets (CSV, XLSX) that cannot run as formulas (CSV/formula injection)."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; numbers stay.

    Only text is changed: a negative number is a number, not a formula. The sign ``-`` alone
    (the statistics' "nothing there") is kept as it is.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-":
        return "'" + value
    return value
