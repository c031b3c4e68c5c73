"""Largest remainder apportionment: exact sums, caps respected, deterministic."""

from __future__ import annotations

import random

import pytest

from bildungslandschaft.core.demo.apportion import ApportionError, largest_remainder, split_share


def test_largest_remainder_sums_to_total_for_random_weights() -> None:
    rng = random.Random(1)
    for _ in range(200):
        weights = [rng.random() for _ in range(rng.randint(1, 12))]
        total = rng.randint(0, 5000)
        parts = largest_remainder(total, weights)
        assert sum(parts) == total
        assert all(part >= 0 for part in parts)


def test_largest_remainder_gives_remainders_to_largest_fractions() -> None:
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    assert largest_remainder(7, [0.5, 0.3, 0.2]) == [4, 2, 1]


def test_largest_remainder_with_caps_never_exceeds_them() -> None:
    rng = random.Random(2)
    for _ in range(200):
        caps = [rng.randint(0, 50) for _ in range(rng.randint(1, 10))]
        weights = [rng.random() * 10 for _ in caps]
        total = rng.randint(0, sum(caps))
        parts = largest_remainder(total, weights, caps)
        assert sum(parts) == total
        assert all(part <= cap for part, cap in zip(parts, caps, strict=True))


def test_largest_remainder_over_caps_raises() -> None:
    with pytest.raises(ApportionError):
        largest_remainder(11, [1, 1], [5, 5])


def test_split_share_rounds_half_up() -> None:
    assert split_share(10, 0.45) == (5, 5)
    assert split_share(3, 0.0) == (0, 3)
