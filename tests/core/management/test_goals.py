"""Progress of a goal: the straight path from baseline to target, with a tolerance band."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.goals import GoalPath, Status, classify

# Fewer school leavers without Hauptschulabschluss: 12 % in 2020 → 8 % in 2030 (−0,4 points a year).
FEWER_DROPOUTS = GoalPath(2020, 12.0, 2030, 8.0)
# More Kita children reached: 10 % in 2020 → 30 % in 2025 (+4 points a year).
MORE_REACH = GoalPath(2020, 10.0, 2025, 30.0)


def test_expected_value_lies_on_the_straight_path() -> None:
    assert FEWER_DROPOUTS.expected(2025) == pytest.approx(10.0)
    assert MORE_REACH.expected(2022) == pytest.approx(18.0)
    assert MORE_REACH.expected(2028) == 30.0  # after the target year: the target


def test_value_on_the_path_is_on_track() -> None:
    # expected 2025: 10,0; observed 10,3 is 0,3 behind, the band is 10 % of 4 points = 0,4
    progress = classify(FEWER_DROPOUTS, {2020: 12.0, 2024: 10.9, 2025: 10.3})
    assert (progress.status, progress.year, progress.observed) == (Status.ON_TRACK, 2025, 10.3)
    assert progress.expected == pytest.approx(10.0)


def test_value_behind_the_band_but_improving_is_at_risk() -> None:
    # expected 2025: 10,0; observed 11,0 is 1,0 behind (> 0,4) yet below the baseline 12,0
    assert classify(FEWER_DROPOUTS, {2025: 11.0}).status is Status.AT_RISK


def test_value_that_moved_the_wrong_way_is_off_track() -> None:
    assert classify(FEWER_DROPOUTS, {2025: 12.5}).status is Status.OFF_TRACK
    assert classify(MORE_REACH, {2023: 9.0}).status is Status.OFF_TRACK


def test_value_beyond_the_path_is_on_track() -> None:
    progress = classify(MORE_REACH, {2022: 25.0})
    assert progress.status is Status.ON_TRACK
    assert progress.explanation.endswith("Der Wert liegt auf dem Pfad oder schon darüber hinaus: auf Kurs.")
    behind = classify(MORE_REACH, {2022: 17.0}).explanation  # 1 point behind, band 2
    assert behind.endswith("Der Wert liegt höchstens 10 % der geplanten Veränderung hinter dem Pfad: auf Kurs.")


def test_latest_published_year_counts_withheld_years_are_skipped() -> None:
    progress = classify(MORE_REACH, {2021: 14.0, 2022: 11.0, 2023: None})
    assert (progress.year, progress.status) == (2022, Status.AT_RISK)  # expected 18, band 2


def test_tolerance_widens_the_band() -> None:
    assert classify(MORE_REACH, {2022: 15.0}).status is Status.AT_RISK
    assert classify(MORE_REACH, {2022: 15.0}, tolerance=0.2).status is Status.ON_TRACK


def test_no_value_after_the_baseline_means_no_data() -> None:
    progress = classify(MORE_REACH, {2019: 8.0, 2020: 10.0})
    assert progress.status is Status.NO_DATA
    assert "noch kein veröffentlichter Wert" in progress.explanation


def test_explanation_names_path_expectation_and_verdict_in_german() -> None:
    text = classify(FEWER_DROPOUTS, {2025: 11.0}).explanation
    assert text.startswith("Auf dem geraden Weg vom Ausgangswert 12,0 (2020) zum Zielwert 8,0 (2030) wären 2025 10,0")
    assert text.endswith("gefährdet.")


def test_holding_a_value_is_judged_by_the_band_around_it() -> None:
    hold = GoalPath(2020, 95.0, 2030, 95.0)
    assert classify(hold, {2024: 90.0}).status is Status.ON_TRACK  # 10 % of 95 = 9,5
    assert classify(hold, {2024: 80.0}).status is Status.OFF_TRACK


def test_target_year_must_follow_the_baseline() -> None:
    with pytest.raises(ValueError, match="Zieljahr"):
        GoalPath(2025, 1.0, 2025, 2.0)
