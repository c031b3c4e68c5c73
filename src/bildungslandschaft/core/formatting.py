"""German number formatting for terminal tables and text (decimal comma, thousands dot)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float, decimals: int = 0) -> float:
    """Commercial rounding as official statistics publish it: 11.25 → 11.3 (Python's round gives 11.2).

    The float's shortest decimal representation is rounded, so 0.125 stays 0.125 and not 0.12499….
    """
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def format_number(value: float | None, decimals: int = 0, flag: str | None = None) -> str:
    """``1234.5`` → ``1.234,5``; unknown values show their sign (``.``, ``x`` …)."""
    if value is None:
        return flag or "."
    text = (
        f"{round_half_up(value, decimals):,.{decimals}f}".replace(",", "\u2009")
        .replace(".", ",")
        .replace("\u2009", ".")
    )
    if flag and flag not in {"-", "0", "e"}:
        return f"{text} {flag}"
    return text


def format_change(change: float, decimals: int = 0) -> str:
    """A signed change: ``+1,5``, ``-0,3``, ``±0`` when it rounds to zero."""
    rounded = round_half_up(change, decimals)
    if rounded == 0:
        return "±" + format_number(0.0, decimals)
    return ("+" if rounded > 0 else "") + format_number(rounded, decimals)
