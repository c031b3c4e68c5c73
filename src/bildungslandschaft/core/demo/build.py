"""Build the demo city's source files and import them through the normal importers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo.city_tables import city_tables
from bildungslandschaft.core.demo.formats import mapping_yaml, table_bytes
from bildungslandschaft.core.demo.model import generate_city
from bildungslandschaft.core.demo.official import official_files
from bildungslandschaft.core.demo.program_activity import STEM as ACTIVITY_STEM
from bildungslandschaft.core.demo.program_activity import activity_file
from bildungslandschaft.core.ingest.lineage import ImportRecord
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.settings import env_path

DEFAULT_SEED = 2023
README = """Demodaten der Demostadt von Bildungslandschaft (Seed {seed})

Synthetische Quelldateien im Format echter Quellen (GENESIS-CSV, GENESIS-Flatfile,
Stadttabellen als CSV/XLSX mit Zuordnungsdatei *.mapping.yaml). Keine amtlichen Zahlen.
Echt sind nur: die 40 Stadtteile Magdeburgs (© OpenStreetMap-Mitwirkende, ODbL), ihre
Einwohnerzahl 2022 (Zensus 2022, © Statistische Ämter des Bundes und der Länder,
dl-de/by-2-0) und die Summen der Kalibrierungsjahre (Regionaldatenbank Deutschland,
dl-de/by-2-0). Import: bila import <Dateien> in der Reihenfolge von build_demo.
"""
Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoSummary:
    """What ``run_demo`` did: the files written and their imports."""

    files: tuple[Path, ...]
    imports: tuple[ImportRecord, ...]
    changed: int  # imports that changed the store (0 when the same files were imported before)

    @property
    def cells(self) -> int:
        """Values imported, over all files."""
        return sum(record.cells_imported for record in self.imports)

    @property
    def rejected(self) -> int:
        """Rows rejected, over all files (the demo should have none)."""
        return sum(record.rows_rejected for record in self.imports)


def default_demo_dir() -> Path:
    """Where ``bila demo`` writes the files: ``BILA_DEMO_DIR``, default ``var/demo``."""
    return env_path("BILA_DEMO_DIR", Path("var/demo"))


def build_demo(target: Path, seed: int = DEFAULT_SEED, progress: Progress | None = None) -> list[Path]:
    """Write the demo city's source files into ``target``; return the data files in import order.

    City tables get their mapping file ``<stem>.mapping.yaml`` beside them (not in the
    returned list: the importer finds it by convention). Same seed → byte-identical files.
    """
    report = progress or (lambda _message: None)
    report(f"Demostadt erzeugen (Seed {seed})")
    city = generate_city(seed)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, content in official_files(city):
        report(f"Schreibe {name}")
        written.append(_write(target / name, content))
    for table in city_tables(city):
        report(f"Schreibe {table.file_name}")
        _write(target / f"{table.stem}.mapping.yaml", mapping_yaml(table))
        written.append(_write(target / table.file_name, table_bytes(table)))
    activity_name, activity, activity_mapping = activity_file(city)
    report(f"Schreibe {activity_name}")
    _write(target / f"{ACTIVITY_STEM}.mapping.yaml", activity_mapping)
    written.append(_write(target / activity_name, activity))
    _write(target / "LIESMICH.txt", README.format(seed=seed).encode("utf-8"))
    return written


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def run_demo(
    con: BaseBackend,
    catalog: Catalog,
    target: Path | None = None,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
) -> DemoSummary:
    """Build the demo files and import every one of them through ``import_file``."""
    report = progress or (lambda _message: None)
    files = build_demo(target or default_demo_dir(), seed, progress)
    records: list[ImportRecord] = []
    changed = 0
    for path in files:
        report(f"Importiere {path.name}")
        outcome = import_file(con, catalog, path, user="demo")
        records.append(outcome.record)
        changed += 1 if outcome.changed else 0
    return DemoSummary(tuple(files), tuple(records), changed)
