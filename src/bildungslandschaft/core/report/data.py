"""Where the report's figures come from: a function giving `Published` results (never raw ones)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from bildungslandschaft.core.disclosure.consistent import gate_for
from bildungslandschaft.core.disclosure.primary import PrimaryRules
from bildungslandschaft.core.disclosure.publish import Published, publish
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.result import Query

Where = Mapping[str, tuple[str, ...]]


class PublishedSource(Protocol):
    """``source(indicator, by, where)`` → the indicator with margins, through the disclosure gate."""

    def __call__(self, indicator: str, by: tuple[str, ...] = (), where: Where | None = None) -> Published: ...


def workspace_source(space: Workspace, rules: PrimaryRules | None = None) -> PublishedSource:
    """A source over a workspace that computes each query once (the CLI's and the benchmark's source)."""
    memo: dict[str, Published] = {}
    gate = gate_for(space, rules)  # the same master tables, hence the same statuses, as the portal

    def source(indicator: str, by: tuple[str, ...] = (), where: Where | None = None) -> Published:
        where = dict(where or {})
        key = f"{indicator}|{by}|{sorted(where.items())}"
        if key not in memo:
            memo[key] = publish(space.compute(Query(indicator, by, where, totals=True)), rules, gate=gate)
        return memo[key]

    return source
