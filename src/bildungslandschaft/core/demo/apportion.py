"""Integer apportionment: split a whole number into whole parts that add up exactly.

The demo city must hit published totals to the person, so every split of a total into
parts (schools, grades, sexes …) goes through the largest remainder method (Hamilton):
each part first gets the whole part of its quota, the rest goes one by one to the largest
remainders. Ties are broken by position, so the result is deterministic.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence


class ApportionError(ValueError):
    """The total cannot be split as asked (negative, or more than the caps allow)."""


def largest_remainder(total: int, weights: Sequence[float], caps: Sequence[int] | None = None) -> list[int]:
    """Split ``total`` in proportion to ``weights``; parts never exceed ``caps``.

    With caps, parts that would exceed their cap are fixed at the cap and the rest is
    split again among the others (iteratively), so the sum stays exact whenever
    ``total <= sum(caps)``.
    """
    if total < 0:
        raise ApportionError(f"negative Summe {total}")
    count = len(weights)
    if count == 0:
        if total:
            raise ApportionError(f"{total} lässt sich auf keine Teile verteilen")
        return []
    limits = list(caps) if caps is not None else [total] * count
    if sum(limits) < total:
        raise ApportionError(f"{total} übersteigt die Summe der Obergrenzen {sum(limits)}")
    result = [0] * count
    open_parts = [index for index in range(count) if limits[index] > 0]
    remaining = total
    while remaining > 0:
        quota_weights = [max(weights[index], 0.0) for index in open_parts]
        weight_sum = sum(quota_weights)
        if weight_sum <= 0:
            quota_weights = [1.0] * len(open_parts)
            weight_sum = float(len(open_parts))
        quotas = [remaining * weight / weight_sum for weight in quota_weights]
        over = [
            index for index, quota in zip(open_parts, quotas, strict=True) if quota >= limits[index] - result[index]
        ]
        if over:
            for index in over:
                remaining -= limits[index] - result[index]
                result[index] = limits[index]
            open_parts = [index for index in open_parts if index not in set(over)]
            continue
        floors = [math.floor(quota) for quota in quotas]
        for index, floor in zip(open_parts, floors, strict=True):
            result[index] += floor
        left = remaining - sum(floors)
        order = sorted(range(len(open_parts)), key=lambda position: (-(quotas[position] - floors[position]), position))
        for position in order[:left]:
            result[open_parts[position]] += 1
        remaining = 0
    return result


def split_share(total: int, share: float) -> tuple[int, int]:
    """Split ``total`` into (part with ``share``, rest), rounding half up."""
    part = min(total, max(0, math.floor(total * share + 0.5)))
    return part, total - part


def stochastic_round(value: float, rng: random.Random) -> int:
    """Round up with the probability of the fractional part (unbiased in sums)."""
    whole = math.floor(value)
    return whole + (1 if rng.random() < value - whole else 0)
