"""Needs ranking by averaged z-scores and the quadrants of needs versus coverage."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.coverage import PRIORITY, UNDETERMINED, need_index, needs_vs_coverage, rank, z_scores


def test_z_scores_use_mean_and_population_standard_deviation() -> None:
    # mean 20, deviations −10, 0, +10 → pstdev = sqrt(200/3) ≈ 8,165
    scores = z_scores({"a": 10.0, "b": 20.0, "c": 30.0, "d": None})
    assert scores == pytest.approx({"a": -1.2247, "b": 0.0, "c": 1.2247}, abs=1e-4)


def test_constant_values_give_zero_scores() -> None:
    assert z_scores({"a": 5.0, "b": 5.0}) == {"a": 0.0, "b": 0.0}


def test_need_index_averages_the_z_scores_of_each_unit() -> None:
    sgb2 = {"a": 10.0, "b": 20.0, "c": 30.0}  # z: −1,22, 0, +1,22
    migration = {"a": 30.0, "b": 20.0, "c": 10.0}  # z: +1,22, 0, −1,22
    language = {"a": 40.0, "b": 10.0, "c": None}  # z: +1, −1 (c unknown)
    index = need_index({"sgb2": sgb2, "migration": migration, "language": language})
    assert index == pytest.approx({"a": (-1.2247 + 1.2247 + 1) / 3, "b": -1 / 3, "c": 0.0}, abs=1e-4)


def test_rank_one_is_the_highest_need_ties_share_a_rank() -> None:
    assert rank({"a": 0.5, "b": 1.5, "c": 0.5, "d": -1.0}) == {"b": 1, "a": 2, "c": 2, "d": 4}


def test_quadrants_split_at_the_medians() -> None:
    need = {"a": 2.0, "b": 1.0, "c": -1.0, "d": -2.0}  # median 0
    coverage = {"a": 0.0, "b": 40.0, "c": 30.0, "d": 5.0}  # median 17,5
    rows = {row.unit: row for row in needs_vs_coverage(need, coverage)}
    assert rows["a"].quadrant == PRIORITY
    assert rows["b"].quadrant == "hoher Bedarf, hohe Abdeckung"
    assert rows["c"].quadrant == "geringer Bedarf, hohe Abdeckung"
    assert rows["d"].quadrant == "geringer Bedarf, geringe Abdeckung"
    assert [row.unit for row in needs_vs_coverage(need, coverage)] == ["a", "b", "c", "d"]


def test_unit_with_withheld_coverage_is_undetermined() -> None:
    rows = needs_vs_coverage({"a": 1.0, "b": -1.0, "c": 0.0}, {"a": None, "b": 3.0, "c": 1.0})
    assert {row.unit: row.quadrant for row in rows}["a"] == UNDETERMINED
    assert not rows[0].priority


def test_no_need_values_give_no_rows() -> None:
    assert needs_vs_coverage({}, {"a": 1.0}) == []
