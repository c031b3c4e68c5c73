"""Time `bila report build` on the demo report: where the seconds go, and the PDF engine's share.

    .venv/bin/python benchmarks/report/run.py [--db var/demo.duckdb] [--repeats 3] [--no-readme]

Cold: fresh data source and empty drawing cache (what `bila report build` does in a new process,
minus Python start-up). Warm: values and drawings cached (what the web app does when a chapter
text changes). Steps: data (engine + disclosure gate), drawings (vl-convert, Vega-Lite → SVG),
Markdown and HTML, PDF (WeasyPrint layout and writing, PDF/UA-1).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vl_convert
import weasyprint
from pypdf import PdfReader

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.report import figures
from bildungslandschaft.core.report.build import build_report
from bildungslandschaft.core.report.data import PublishedSource, workspace_source
from bildungslandschaft.core.report.source import demo_folder, load_chapters, load_meta
from bildungslandschaft.core.store import connect

HERE = Path(__file__).resolve().parent


class Clock:
    """Seconds spent inside wrapped functions."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed


def one_build(db: str, source: PublishedSource | None, cold: bool) -> tuple[dict[str, float], PublishedSource, bytes]:
    catalog = load_catalog()
    if cold:
        figures._svg.cache_clear()
        source = workspace_source(Workspace(connect(db), catalog))
    assert source is not None
    data, drawing = Clock(), Clock()
    original = vl_convert.vegalite_to_svg
    vl_convert.vegalite_to_svg = drawing.wrap(original)
    try:
        folder = demo_folder()
        build = build_report(load_meta(folder), load_chapters(folder), catalog, data.wrap(source))
    finally:
        vl_convert.vegalite_to_svg = original
    timings = build.timings
    steps = {
        "data": data.seconds,
        "drawings": drawing.seconds,
        "markdown_html": timings.render + timings.html - data.seconds - drawing.seconds,
        "pdf": timings.pdf_engine,
        "total": timings.total,
    }
    return steps, source, build.pdf


def measure(db: str, repeats: int) -> dict[str, Any]:
    cold_runs, warm_runs, source, pdf = [], [], None, b""
    for _ in range(repeats):
        steps, source, pdf = one_build(db, None, cold=True)
        cold_runs.append(steps)
    for _ in range(repeats):
        steps, source, pdf = one_build(db, source, cold=False)
        warm_runs.append(steps)
    reader = PdfReader(io.BytesIO(pdf))
    return {"cold": _median(cold_runs), "warm": _median(warm_runs), "pages": len(reader.pages), "bytes": len(pdf)}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, Any]) -> str:
    lines = [
        "| run | total | data (engine + gate) | drawings (vl-convert) | specs, Markdown, HTML "
        "| PDF (WeasyPrint) | PDF share |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("cold", "warm"):
        s = results[name]
        lines.append(
            f"| {name} | {s['total']:.2f} s | {s['data']:.2f} s | {s['drawings']:.2f} s | {s['markdown_html']:.2f} s "
            f"| {s['pdf']:.2f} s | **{s['pdf'] / s['total']:.0%}** |"
        )
    return "\n".join(lines)


def write_readme(results: dict[str, Any], repeats: int) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}"
    text = f"""# Bildungsbericht: build time and the PDF engine's share

```
.venv/bin/python benchmarks/report/run.py --db var/demo.duckdb --repeats {repeats}
```

The demo report (3 chapters, {results["pages"]} PDF pages, {results["bytes"] / 1e6:.1f} MB) over the demo city,
median of {repeats} builds each; measured {time.strftime("%Y-%m-%d")} on {machine}, WeasyPrint
{weasyprint.__version__}, vl-convert {vl_convert.__version__} (numbers written by the script).

{table(results)}

- **cold**: a new data source and an empty drawing cache, as `bila report build` runs in a new
  process (Python start-up and imports not counted). **warm**: values and drawings cached, as the
  web app renders the report after a chapter edit.
- *data* is the time inside the engine and the disclosure gate (`Workspace.compute` + `publish`);
  *drawings* the time inside `vl_convert.vegalite_to_svg`; *PDF* is WeasyPrint's layout and
  writing of the tagged PDF (`pdf_variant="pdf/ua-1"`), measured around
  `HTML(string=…).write_pdf` (HTML parsing, styles, layout, writing).
- The web app caches the rendered report and the PDF per chapter text and store state, so
  readers pay none of this. After a chapter edit the page costs the *warm* HTML part (specs,
  Markdown, HTML); the first PDF download after an edit or import waits for the *warm* PDF time.
- WeasyPrint's time is about half layout (styles of the inline SVG elements, line breaking) and
  half writing the tagged PDF; leaving out the PDF/UA tags or embedding the drawings as images
  instead of inline SVG did not change it by more than the machine's noise.
"""
    (HERE / "README.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/demo.duckdb")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"{args.db} fehlt: erst `bila demo` ausführen")
    results = measure(args.db, args.repeats)
    print(table(results))
    print(f"{results['pages']} Seiten, {results['bytes']} Bytes")
    if not args.no_readme:
        write_readme(results, args.repeats)


if __name__ == "__main__":
    main()
