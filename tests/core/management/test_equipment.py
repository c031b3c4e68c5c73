"""IT equipment per school against the target of the equipment strategy."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.equipment import EquipmentTarget, city_progress, summarise, unit_statuses
from bildungslandschaft.core.goals import Status

ONE_TO_ONE = EquipmentTarget("devices_per_pupil", 1.0, 2026, 2020)


def test_each_school_gets_gap_and_share_of_the_target() -> None:
    statuses = unit_statuses({"A": 0.5, "B": 1.2, "C": None, "D": 0.75}, ONE_TO_ONE)
    assert [s.unit for s in statuses] == ["A", "D", "B", "C"]  # furthest from the target first
    a, d, b, c = statuses
    assert (a.reached, a.gap, a.share_of_target) == (False, 0.5, 0.5)
    assert (b.reached, b.gap, b.share_of_target) == (True, 0.0, 1.0)
    assert d.gap == pytest.approx(0.25)
    assert (c.reached, c.gap, c.known) == (None, None, False)


def test_summary_counts_schools_that_reached_the_target() -> None:
    summary = summarise(unit_statuses({"A": 0.5, "B": 1.2, "C": None, "D": 1.0}, ONE_TO_ONE))
    assert (summary.units, summary.known, summary.reached) == (4, 3, 2)
    assert summary.reached_share == pytest.approx(2 / 3)
    assert summary.median == 1.0


def test_city_series_is_judged_on_the_path_from_the_baseline_year() -> None:
    # 2020: 0,4 → 1,0 in 2026: expected 2023 = 0,7; band 0,06
    assert city_progress(ONE_TO_ONE, {2020: 0.4, 2023: 0.66}).status is Status.ON_TRACK
    assert city_progress(ONE_TO_ONE, {2020: 0.4, 2023: 0.5}).status is Status.AT_RISK


def test_city_progress_needs_a_baseline_value() -> None:
    with pytest.raises(ValueError, match="Basisjahr 2020"):
        city_progress(ONE_TO_ONE, {2021: 0.5})
