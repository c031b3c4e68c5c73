"""German number formatting for terminal tables and text (decimal comma, thousands dot)."""

from __future__ import annotations


def format_number(value: float | None, decimals: int = 0, flag: str | None = None) -> str:
    """``1234.5`` → ``1.234,5``; unknown values show their sign (``.``, ``x`` …)."""
    if value is None:
        return flag or "."
    text = f"{value:,.{decimals}f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    if flag and flag not in {"-", "0", "e"}:
        return f"{text} {flag}"
    return text


def format_change(change: float, decimals: int = 0) -> str:
    """A signed change: ``+1,5``, ``-0,3``, ``±0`` when it rounds to zero."""
    rounded = round(change, decimals)
    if rounded == 0:
        return "±" + format_number(0.0, decimals)
    return ("+" if rounded > 0 else "") + format_number(rounded, decimals)
