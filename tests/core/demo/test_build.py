"""build_demo: deterministic files in the real formats, one for every source of the catalog."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import load_workbook

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo import build_demo
from bildungslandschaft.core.demo.kitas import SOCIAL_WORK_KITAS, SOCIAL_WORK_START
from bildungslandschaft.core.demo.model import generate_city
from bildungslandschaft.core.demo.population import child_sgb2_rate
from bildungslandschaft.core.ingest import ffcsv, genesis
from bildungslandschaft.core.ingest.pipeline import mapping_path_for

SEED = 2023  # as in conftest.py


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_build_demo_same_seed_gives_byte_identical_files(demo_import: object, demo_dir: Path, tmp_path: Path) -> None:
    build_demo(tmp_path, SEED)
    assert _contents(tmp_path) == _contents(demo_dir)


def test_build_demo_other_seed_gives_other_schools(tmp_path: Path) -> None:
    first, second = generate_city(1), generate_city(2)
    assert [s.number for s in first.schools] != [s.number for s in second.schools]
    assert first.calibration == second.calibration


def test_build_demo_returns_data_files_in_import_order(demo_import: object, demo_dir: Path) -> None:
    files = build_demo(demo_dir, SEED)
    assert all(path.parent == demo_dir and path.exists() for path in files)
    assert [path.suffix for path in files if not path.name[0].isdigit()].count(".xlsx") >= 2
    population = [path.name for path in files].index("bevoelkerung_stadtteile.csv")
    assert population < [path.name for path in files].index("schueler_schulen.csv")


def test_every_table_dataset_of_the_catalog_gets_a_file_with_mapping(
    catalog: Catalog, demo_import: object, demo_dir: Path
) -> None:
    wanted = {ds.id for ds in catalog.datasets.values() if any(src.format == "table" for src in ds.sources)}
    mapped = {}
    for path in demo_dir.iterdir():
        if path.suffix in {".csv", ".xlsx"} and mapping_path_for(path).exists():
            mapped[yaml.safe_load(mapping_path_for(path).read_text(encoding="utf-8"))["dataset"]] = path
    assert set(mapped) == wanted


def test_genesis_files_have_the_download_layout(demo_import: object, demo_dir: Path) -> None:
    for code in ("21111-01-03-4", "21111-02-06-4", "13211-02-05-4", "21121-02-02-4", "22541-01-01-4"):
        data = (demo_dir / f"{code}.csv").read_bytes()
        text = data.decode("cp1252")
        assert genesis.looks_like_genesis(data)
        assert genesis.table_code_of(demo_dir / f"{code}.csv", data) == code
        assert "Demodaten" in text.split("\n__________\n")[0]
        assert "Datenlizenz Deutschland" in text.split("\n__________\n")[1]
        assert "\r" not in text


def test_flat_file_is_ffcsv_of_table_12411(demo_import: object, demo_dir: Path) -> None:
    data = (demo_dir / "12411-02-03-4_flat.csv").read_bytes()
    assert ffcsv.looks_like_ffcsv(data)
    assert ffcsv.statistics_code_of(demo_dir / "x.csv", data) == "12411-02-03-4"
    assert "ALT000B03" in data.decode("utf-8")


def test_xlsx_workbooks_carry_a_register_of_names(demo_import: object, demo_dir: Path) -> None:
    workbook = load_workbook(demo_dir / "abgaenge_schulen.xlsx", read_only=True)
    assert workbook.sheetnames == ["Abgänge", "Schulverzeichnis"]
    header = next(workbook["Schulverzeichnis"].iter_rows(values_only=True))
    assert header[:4] == ("Schulnummer", "Name", "Schulart", "Stadtteil")
    workbook.close()


def test_schools_per_schulart_in_2023_equal_the_real_counts() -> None:
    city = generate_city(SEED)
    for schulart, row in city.calibration.pupils.items():
        if schulart == "_T":
            continue
        count = sum(1 for school in city.schools if school.schulart(2023) == schulart)
        assert count == row["schools"], schulart
    assert all(len(school.number) == 5 for school in city.schools)
    assert len({school.number for school in city.schools}) == len(city.schools)


def test_eighteen_kitas_have_social_work_chosen_by_sgb2_rate() -> None:
    city = generate_city(SEED)
    kitas = city.kitas
    assert len(kitas.social_work) == SOCIAL_WORK_KITAS == 18
    assert 125 <= len(kitas.register) <= 135
    rates = {code: child_sgb2_rate(city.population, city.sgb2, SOCIAL_WORK_START - 1, code) for code in city.names}
    chosen = {kita.stadtteil for kita in kitas.register if kita.code in kitas.social_work}
    others = {
        kita.stadtteil
        for kita in kitas.register
        if kita.code not in kitas.social_work and "kindergarten" in kita.platzarten
    }
    assert min(rates[code] for code in chosen) >= max(rates[code] for code in others - chosen)
    assert not any(kitas.has_social_work(code, SOCIAL_WORK_START - 1) for code in kitas.social_work)
