"""Progress of a strategic goal of the Bildungsleitbild: on track, at risk or off track.

Method (explained to readers by `Progress.explanation`): a goal runs on a straight path from
its baseline (year, value) to its target (year, value). For the latest observed year the path
gives an *expected* value. The goal is

* **auf Kurs** when the observed value is at most a tolerance band behind the expected value
  (the band is a share of the whole planned change, default 10 %), or already beyond the target;
* **gefährdet** when it moved in the intended direction since the baseline but lags behind
  the band;
* **nicht auf Kurs** when it did not move in the intended direction at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bildungslandschaft.core.formatting import format_number

DEFAULT_TOLERANCE = 0.10


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: Mapping[Status, str] = {
    Status.ON_TRACK: "auf Kurs",
    Status.AT_RISK: "gefährdet",
    Status.OFF_TRACK: "nicht auf Kurs",
    Status.NO_DATA: "noch keine Daten",
}


@dataclass(frozen=True)
class GoalPath:
    """The straight path from the baseline to the target of one goal indicator."""

    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float

    def __post_init__(self) -> None:
        if self.target_year <= self.baseline_year:
            raise ValueError(f"Zieljahr {self.target_year} liegt nicht nach dem Basisjahr {self.baseline_year}")

    @property
    def direction(self) -> int:
        """+1 when the goal is to increase the value, -1 to decrease it, 0 to hold it."""
        change = self.target_value - self.baseline_value
        return (change > 0) - (change < 0)

    def expected(self, year: int) -> float:
        """The value the path expects in ``year`` (the target from the target year on)."""
        if year >= self.target_year:
            return self.target_value
        share = (year - self.baseline_year) / (self.target_year - self.baseline_year)
        return self.baseline_value + share * (self.target_value - self.baseline_value)


@dataclass(frozen=True)
class Progress:
    """The classification of one goal indicator in its latest observed year."""

    status: Status
    year: int | None
    observed: float | None
    expected: float | None
    explanation: str


def latest_observation(path: GoalPath, observed: Mapping[int, float | None]) -> tuple[int, float] | None:
    """The latest year after the baseline with a (published) value."""
    years = sorted((year for year, value in observed.items() if value is not None and year > path.baseline_year))
    if not years:
        return None
    value = observed[years[-1]]
    assert value is not None
    return years[-1], value


def classify(
    path: GoalPath,
    observed: Mapping[int, float | None],
    tolerance: float = DEFAULT_TOLERANCE,
    decimals: int = 1,
) -> Progress:
    """Classify the latest observed value against the path (see the module docstring)."""
    latest = latest_observation(path, observed)
    if latest is None:
        text = f"Seit dem Basisjahr {path.baseline_year} liegt noch kein veröffentlichter Wert vor."
        return Progress(Status.NO_DATA, None, None, None, text)
    year, value = latest
    expected = path.expected(year)
    status = _status(path, value, expected, tolerance)
    return Progress(status, year, value, expected, _explain(path, year, value, expected, status, tolerance, decimals))


def _status(path: GoalPath, value: float, expected: float, tolerance: float) -> Status:
    band = tolerance * abs(path.target_value - path.baseline_value)
    if path.direction == 0:
        band = tolerance * abs(path.target_value) if path.target_value else tolerance
        return Status.ON_TRACK if abs(value - path.target_value) <= band else Status.OFF_TRACK
    lag = path.direction * (expected - value)  # > 0: behind the path
    if lag <= band:
        return Status.ON_TRACK
    if path.direction * (value - path.baseline_value) > 0:
        return Status.AT_RISK
    return Status.OFF_TRACK


def _explain(
    path: GoalPath, year: int, value: float, expected: float, status: Status, tolerance: float, decimals: int
) -> str:
    def fmt(number: float) -> str:
        return format_number(number, decimals)

    percent = format_number(tolerance * 100, 0)
    start = (
        f"Auf dem geraden Weg vom Ausgangswert {fmt(path.baseline_value)} ({path.baseline_year}) "
        f"zum Zielwert {fmt(path.target_value)} ({path.target_year}) wären {year} "
        f"{fmt(expected)} zu erwarten; beobachtet sind {fmt(value)}."
    )
    reasons = {
        Status.ON_TRACK: f"Der Wert liegt höchstens {percent} % der geplanten Veränderung hinter dem Pfad: auf Kurs.",
        Status.AT_RISK: (
            f"Der Wert hat sich in die angestrebte Richtung bewegt, liegt aber mehr als {percent} % "
            "der geplanten Veränderung hinter dem Pfad: gefährdet."
        ),
        Status.OFF_TRACK: (
            "Der Wert hat sich seit dem Basisjahr nicht in die angestrebte Richtung bewegt: nicht auf Kurs."
        ),
    }
    if status is Status.ON_TRACK and path.direction * (value - expected) >= 0:
        reasons[Status.ON_TRACK] = "Der Wert liegt auf dem Pfad oder schon darüber hinaus: auf Kurs."
    if path.direction == 0:
        reasons[Status.ON_TRACK] = f"Der Wert weicht höchstens {percent} % vom zu haltenden Wert ab: auf Kurs."
        reasons[Status.OFF_TRACK] = f"Der Wert weicht mehr als {percent} % vom zu haltenden Wert ab: nicht auf Kurs."
    return f"{start} {reasons[status]}"


def path_points(path: GoalPath) -> list[tuple[int, float]]:
    """Baseline and target as the two points of the path (for charts)."""
    return [(path.baseline_year, path.baseline_value), (path.target_year, path.target_value)]
