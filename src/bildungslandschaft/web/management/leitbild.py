"""The Bildungsleitbild with its goals, each indicator's progress computed from published figures.

`goal_progress` joins what staff entered (baseline, target) with the published series and
classifies it with `core.goals`; `leitbild_chapter` writes the report chapter as Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bildungslandschaft.core.catalog.model import Indicator
from bildungslandschaft.core.formatting import format_number
from bildungslandschaft.core.goals import GoalPath, Progress, Status, classify
from bildungslandschaft.core.labels import format_value, unit_title
from bildungslandschaft.web.management import figures, specs
from bildungslandschaft.web.management.models import Goal, GoalIndicator, Leitbild

METHOD = (
    "Für jeden Zielindikator verbindet ein gerader Pfad den Ausgangswert im Basisjahr mit dem Zielwert im "
    "Zieljahr. Für das letzte Jahr mit veröffentlichtem Wert gibt der Pfad einen erwarteten Wert vor. "
    "Liegt der beobachtete Wert höchstens um die Toleranz (in der Regel 10 % der geplanten Veränderung) "
    "hinter dem Pfad oder schon darüber hinaus, ist das Ziel „auf Kurs“. Hat er sich in die angestrebte "
    "Richtung bewegt, liegt aber weiter zurück, ist es „gefährdet“; hat er sich nicht in die angestrebte "
    "Richtung bewegt, ist es „nicht auf Kurs“. Grundlage sind nur veröffentlichte Werte: Werte, die zum "
    "Schutz kleiner Fallzahlen gesperrt sind, zählen nicht."
)


@dataclass(frozen=True)
class IndicatorProgress:
    """One goal indicator as the page shows it."""

    link: GoalIndicator
    title: str
    unit: str
    progress: Progress
    rows: list[dict[str, Any]]  # year, value, label, expected (path), published values only
    chart: dict[str, Any] | None
    indicator: Indicator | None = None

    def label(self, value: float | None) -> str:
        """A value in the indicator's unit and decimals (``58,0 %``)."""
        if value is None:
            return "–"
        return format_value(self.indicator, value) if self.indicator else format_number(value, 1)

    @property
    def status_class(self) -> str:
        return self.progress.status.value.replace("_", "-")


def indicator_progress(link: GoalIndicator) -> IndicatorProgress:
    indicator = figures.indicator(link.indicator)
    if indicator is None:
        return _unusable(link, f"Der Indikator {link.indicator!r} fehlt im Katalog.")
    try:
        path = GoalPath(link.baseline_year, link.baseline_value, link.target_year, link.target_value)
    except ValueError as error:
        return _unusable(link, f"{error}.")
    series = figures.city_series(link.indicator)
    progress = classify(path, series, link.tolerance, indicator.decimals)
    rows = [
        {
            "year": year,
            "value": value,
            "label": format_value(indicator, value, None if value is not None else "."),
            "expected": format_number(path.expected(year), indicator.decimals) if year >= path.baseline_year else "",
        }
        for year, value in sorted(series.items())
    ]
    chart = specs.goal_path_chart(indicator.title, unit_title(indicator), path, rows) if rows else None
    return IndicatorProgress(link, indicator.title, indicator.unit, progress, rows, chart, indicator)


def _unusable(link: GoalIndicator, reason: str) -> IndicatorProgress:
    return IndicatorProgress(link, link.indicator, "", Progress(Status.NO_DATA, None, None, None, reason), [], None)


def goal_progress(goal: Goal) -> list[IndicatorProgress]:
    return [indicator_progress(link) for link in goal.indicators.all()]


def current_leitbild() -> Leitbild | None:
    return Leitbild.objects.prefetch_related("principles__goals__indicators").order_by("id").first()


def leitbild_chapter() -> str:
    """The report chapter "Bildungsleitbild und Zielerreichung" as Markdown."""
    leitbild = current_leitbild()
    if leitbild is None:
        return "## Bildungsleitbild\n\nEs ist noch kein Bildungsleitbild erfasst.\n"
    lines = [f"## {leitbild.title}", "", leitbild.vision.strip(), ""]
    if leitbild.adopted:
        lines += [f"*{leitbild.adopted}*", ""]
    for principle in leitbild.principles.all():
        lines += [f"### Leitlinie {principle.name}", ""]
        if principle.description:
            lines += [principle.description.strip(), ""]
        for goal in principle.goals.all():
            lines += [f"#### Ziel: {goal.title}", ""]
            if goal.description:
                lines += [goal.description.strip(), ""]
            lines += _goal_table(goal_progress(goal))
    lines += ["### Methode der Zielerreichung", "", METHOD, ""]
    return "\n".join(lines)


def _goal_table(items: list[IndicatorProgress]) -> list[str]:
    if not items:
        return ["Für dieses Ziel ist noch kein Indikator hinterlegt.", ""]
    lines = [
        "| Indikator | Ausgangswert | Zielwert | zuletzt beobachtet | Einschätzung |",
        "|---|---|---|---|---|",
    ]
    notes = []
    for item in items:
        link, progress = item.link, item.progress
        observed = f"{item.label(progress.observed)} ({progress.year})" if progress.observed is not None else "–"
        lines.append(
            f"| {item.title} | {item.label(link.baseline_value)} ({link.baseline_year}) | "
            f"{item.label(link.target_value)} ({link.target_year}) | {observed} | {progress.status.label} |"
        )
        notes.append(f"- {item.title}: {progress.explanation}")
    return [*lines, "", *notes, ""]
