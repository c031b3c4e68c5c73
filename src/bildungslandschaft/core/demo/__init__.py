"""The demo city ("Demodaten"): Magdeburg's real Stadtteile with synthetic education data.

``build_demo`` writes source files in the formats real sources have (GENESIS CSV, GENESIS
flat file, city CSV/XLSX with mapping files); ``run_demo`` also imports them through the
normal importers. Deterministic from a seed; calibrated on real Regionalstatistik totals.
"""

from __future__ import annotations

from bildungslandschaft.core.demo.build import DemoSummary, build_demo, default_demo_dir, run_demo

__all__ = ["DemoSummary", "build_demo", "default_demo_dir", "run_demo"]
