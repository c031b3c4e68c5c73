"""Primary rules: minimum count, zeros, rounding, protection levels, ratios."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.disclosure import CellStatus, PrimaryRules, ProtectionLevels, ratio_is_protected


def test_is_unsafe_below_the_minimum_count_but_not_zero() -> None:
    rules = PrimaryRules(min_count=3)

    assert [rules.is_unsafe(n) for n in range(5)] == [False, True, True, False, False]


def test_is_unsafe_for_zeros_when_protect_zeros() -> None:
    assert PrimaryRules(protect_zeros=True).is_unsafe(0)


def test_rounded_to_base_five_and_three() -> None:
    assert [PrimaryRules(rounding_base=5).rounded(n) for n in (0, 2, 3, 7, 8, 12)] == [0, 0, 5, 5, 10, 10]
    assert [PrimaryRules(rounding_base=3).rounded(n) for n in (1, 2, 4)] == [0, 3, 3]


def test_rules_reject_nonsense_settings() -> None:
    with pytest.raises(ValueError, match="Mindestfallzahl"):
        PrimaryRules(min_count=0)
    with pytest.raises(ValueError, match="Rundungsbasis"):
        PrimaryRules(rounding_base=1)


def test_protection_levels_default_reach_zero_and_the_minimum_count() -> None:
    rules = PrimaryRules(min_count=5)

    assert ProtectionLevels().required(2, rules) == (2, 3)
    assert ProtectionLevels().required(0, rules) == (0, 5)
    assert ProtectionLevels(lower=1, upper=4).required(2, rules) == (1, 4)


def test_ratio_is_protected_when_numerator_or_denominator_is() -> None:
    assert not ratio_is_protected(CellStatus.SAFE, CellStatus.SAFE)
    assert ratio_is_protected(CellStatus.PRIMARY, CellStatus.SAFE)
    assert ratio_is_protected(CellStatus.SAFE, CellStatus.SECONDARY)
