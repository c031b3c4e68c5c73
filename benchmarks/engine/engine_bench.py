"""Helpers of the engine benchmark: synthetic microdata, the workload and its three variants.

The three variants compute the same numbers:

* ``engine``: ``bildungslandschaft.core.engine.compute`` against an Ibis DuckDB connection;
* ``pandas``: hand-written pandas (boolean masks + ``groupby().sum()``) on a DataFrame that was
  read from the Parquet file once, outside any timing;
* ``sql``: hand-written DuckDB SQL (conditional aggregation with ``FILTER``), one query per
  indicator × breakdown, run on the raw DuckDB connection underneath the Ibis backend.

The hand-written variants deliberately do **not** read the catalog: their conditions are written
down below (copied by hand from the YAML), so that the comparison also checks the engine's
semantics instead of repeating them.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

DATASET = "pupils_micro"
TABLE = "fact_pupils_micro"
GENERATOR_VERSION = 1  # bump when the generator changes: cached Parquet files carry it in their name
BREAKDOWNS: tuple[tuple[str, ...], ...] = (
    ("year",),
    ("year", "stadtteil"),
    ("year", "schulart"),
    ("year", "geschlecht"),
)

# --------------------------------------------------------------------------------------------
# Synthetic microdata
# --------------------------------------------------------------------------------------------

YEARS = np.arange(2014, 2026)
# (schulart, number of schools, mean school size weight, klassenstufen)
SCHOOL_TYPES: tuple[tuple[str, int, float, tuple[int, ...]], ...] = (
    ("grundschule", 46, 1.0, (1, 2, 3, 4)),
    ("mehrere_bildungsgaenge", 16, 1.5, (5, 6, 7, 8, 9, 10)),
    ("gymnasium", 12, 3.2, (5, 6, 7, 8, 9, 10, 11, 12)),
    ("gesamtschule", 6, 3.0, (5, 6, 7, 8, 9, 10, 11, 12, 13)),
    ("foerderschule", 11, 0.6, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    ("waldorf", 1, 1.2, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)),
    ("abendschule", 1, 0.8, (11, 12, 13)),
)
SEN_CODES = ("lernen", "geistig", "emotional", "sprache", "koerperlich", "hoeren", "sehen", "kranke")
SEN_AT_SPECIAL_SCHOOLS = (0.42, 0.27, 0.10, 0.05, 0.08, 0.03, 0.02, 0.03)
SEN_AT_GENERAL_SCHOOLS = (0.30, 0.03, 0.30, 0.22, 0.07, 0.03, 0.02, 0.03)
ABSCHLUSS_CODES = ("kein_abgang", "ohne_hsa", "hsa", "msa", "fhr", "ahr")


def _leaving(schulart: str, stufe: int) -> tuple[float, tuple[float, ...]]:
    """Probability to leave school at the end of the year and the mix of certificates (ohne_hsa … ahr)."""
    table: dict[tuple[str, int], tuple[float, tuple[float, ...]]] = {
        ("mehrere_bildungsgaenge", 9): (0.12, (0.45, 0.55, 0.0, 0.0, 0.0)),
        ("mehrere_bildungsgaenge", 10): (0.92, (0.06, 0.16, 0.78, 0.0, 0.0)),
        ("gymnasium", 10): (0.03, (0.05, 0.10, 0.85, 0.0, 0.0)),
        ("gymnasium", 11): (0.03, (0.0, 0.0, 0.40, 0.60, 0.0)),
        ("gymnasium", 12): (0.96, (0.0, 0.0, 0.02, 0.03, 0.95)),
        ("gesamtschule", 9): (0.08, (0.50, 0.50, 0.0, 0.0, 0.0)),
        ("gesamtschule", 10): (0.55, (0.10, 0.22, 0.68, 0.0, 0.0)),
        ("gesamtschule", 13): (0.95, (0.0, 0.0, 0.02, 0.08, 0.90)),
        ("foerderschule", 9): (0.45, (0.85, 0.15, 0.0, 0.0, 0.0)),
        ("foerderschule", 10): (0.80, (0.70, 0.28, 0.02, 0.0, 0.0)),
        ("waldorf", 10): (0.10, (0.05, 0.25, 0.70, 0.0, 0.0)),
        ("waldorf", 13): (0.90, (0.0, 0.0, 0.05, 0.10, 0.85)),
        ("abendschule", 13): (0.70, (0.0, 0.0, 0.0, 0.15, 0.85)),
    }
    return table.get((schulart, stufe), (0.0, (1.0, 0.0, 0.0, 0.0, 0.0)))


def _repeat_rate(schulart: str, stufe: int) -> float:
    if schulart == "grundschule":
        return 0.005 if stufe == 1 else 0.015
    if schulart in ("mehrere_bildungsgaenge", "gesamtschule"):
        return 0.045 if stufe >= 7 else 0.02
    if schulart == "gymnasium":
        return 0.015
    if schulart == "foerderschule":
        return 0.01
    return 0.02


def stadtteil_codes() -> list[str]:
    """The Stadtteil codes of the catalog (without the total ``_T``)."""
    from bildungslandschaft.core.catalog.loader import load_catalog

    classification = load_catalog().classifications["stadtteil"]
    return [code.code for code in classification.codes if code.code != "_T"]


def _choice_by_group(rng: np.random.Generator, groups: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """For each row, draw an index from ``probabilities[groups[row]]`` (vectorised inverse CDF)."""
    cumulative = np.cumsum(probabilities, axis=1)
    cumulative[:, -1] = 1.0
    u = rng.random(groups.shape[0])
    row_cdf = cumulative[groups]
    return (u[:, None] >= row_cdf).sum(axis=1).astype(np.int8)


def generate(rows: int, seed: int = 20251126) -> pa.Table:
    """Pupil-level microdata with exactly the columns of dataset ``pupils_micro``.

    Deterministic for a given ``rows`` and ``seed``. Proportions are plausible for a German
    city of ~240,000 inhabitants (Magdeburg): schools of seven types, 40 Stadtteile of very
    different size, ~10 % foreign pupils rising over time, ~5 % with special educational needs
    (two thirds of them at Förderschulen), certificates by school type and grade.
    """
    rng = np.random.default_rng(seed)
    stadtteile = stadtteil_codes()
    n_st = len(stadtteile)
    st_weight = rng.lognormal(0.0, 0.9, n_st)
    st_weight /= st_weight.sum()
    st_foreign = np.clip(rng.lognormal(np.log(0.09), 0.6, n_st), 0.01, 0.45)

    # schools: number, type, Stadtteil, size
    school_number: list[str] = []
    school_type: list[int] = []
    school_size: list[float] = []
    numbers = rng.choice(np.arange(10000, 99999), size=sum(t[1] for t in SCHOOL_TYPES), replace=False)
    for type_index, (_, count, size, _) in enumerate(SCHOOL_TYPES):
        for _ in range(count):
            school_number.append(str(numbers[len(school_number)]))
            school_type.append(type_index)
            school_size.append(size * rng.lognormal(0.0, 0.3))
    school_type_arr = np.array(school_type, dtype=np.int8)
    school_st = rng.choice(n_st, size=len(school_number), p=st_weight)
    size_arr = np.array(school_size)
    size_arr /= size_arr.sum()

    year_weight = np.linspace(1.0, 1.12, len(YEARS))
    year_idx = rng.choice(len(YEARS), size=rows, p=year_weight / year_weight.sum()).astype(np.int8)
    school_idx = rng.choice(len(school_number), size=rows, p=size_arr).astype(np.int16)
    schulart_idx = school_type_arr[school_idx]
    # the Stadtteil of residence: mostly near the school, some from anywhere in the city
    near = rng.random(rows) < 0.7
    stadtteil_idx = np.where(near, school_st[school_idx], rng.choice(n_st, size=rows, p=st_weight)).astype(np.int8)

    # Klassenstufe: uniform over the grades of the school type
    klassen_codes = [str(stufe) for stufe in range(1, 14)]
    stufe = np.empty(rows, dtype=np.int8)
    for type_index, (_, _, _, grades) in enumerate(SCHOOL_TYPES):
        mask = schulart_idx == type_index
        stufe[mask] = rng.choice(np.array(grades, dtype=np.int8), size=int(mask.sum()))

    geschlecht_idx = (rng.random(rows) < 0.487).astype(np.int8)  # 0 = m, 1 = w
    foreign_p = st_foreign[stadtteil_idx] * (0.7 + 0.06 * year_idx)  # rising after 2015
    foreign_idx = (rng.random(rows) < foreign_p).astype(np.int8)  # 0 = deutsch, 1 = auslaendisch

    # special educational needs: everybody at a Förderschule, ~1.8 % elsewhere (boys more often)
    special = schulart_idx == [t[0] for t in SCHOOL_TYPES].index("foerderschule")
    sen_general = rng.random(rows) < np.where(geschlecht_idx == 0, 0.022, 0.013)
    focus_special = rng.choice(len(SEN_CODES), size=rows, p=SEN_AT_SPECIAL_SCHOOLS)
    focus_general = rng.choice(len(SEN_CODES), size=rows, p=SEN_AT_GENERAL_SCHOOLS)
    foerder_idx = np.where(special, focus_special + 1, np.where(sen_general, focus_general + 1, 0)).astype(np.int8)

    # certificates and repeaters by school type and grade
    combos = [(t, g) for t in range(len(SCHOOL_TYPES)) for g in range(1, 14)]
    combo_index = {combo: i for i, combo in enumerate(combos)}
    leave_probs = np.zeros((len(combos), len(ABSCHLUSS_CODES)))
    repeat_probs = np.zeros(len(combos))
    for (type_index, grade), i in combo_index.items():
        schulart = SCHOOL_TYPES[type_index][0]
        p_leave, mix = _leaving(schulart, grade)
        leave_probs[i, 0] = 1.0 - p_leave
        leave_probs[i, 1:] = p_leave * np.array(mix)
        repeat_probs[i] = _repeat_rate(schulart, grade)
    combo = schulart_idx.astype(np.int16) * 13 + (stufe - 1)
    abschluss_idx = _choice_by_group(rng, combo, leave_probs)
    wiederholer_idx = (rng.random(rows) >= repeat_probs[combo]).astype(np.int8)  # 0 = ja, 1 = nein
    # nobody repeats a year and leaves with a certificate in the same record
    wiederholer_idx[abschluss_idx > 0] = 1

    def strings(indices: np.ndarray, dictionary: Iterable[str]) -> pa.Array:
        return pa.DictionaryArray.from_arrays(pa.array(indices), pa.array(list(dictionary))).cast(pa.string())

    return pa.table(
        {
            "year": pa.array(YEARS[year_idx].astype(np.int64)),
            "region": pa.array(np.full(rows, "15003", dtype=object), type=pa.string()),
            "stadtteil": strings(stadtteil_idx, stadtteile),
            "school": strings(school_idx, school_number),
            "schulart": strings(schulart_idx, [t[0] for t in SCHOOL_TYPES]),
            "klassenstufe": strings((stufe - 1).astype(np.int8), klassen_codes),
            "geschlecht": strings(geschlecht_idx, ["m", "w"]),
            "staatsangehoerigkeit": strings(foreign_idx, ["deutsch", "auslaendisch"]),
            "foerderschwerpunkt": strings(foerder_idx, ["ohne", *SEN_CODES]),
            "abschluss": strings(abschluss_idx, ABSCHLUSS_CODES),
            "wiederholer": strings(wiederholer_idx, ["ja", "nein"]),
        }
    )


def write_parquet(rows: int, out_dir: Path, seed: int = 20251126, regenerate: bool = False) -> Path:
    """The Parquet file for ``rows`` rows, generated once and reused afterwards."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pupils_micro_{rows}_s{seed}_v{GENERATOR_VERSION}.parquet"
    if regenerate or not path.exists():
        table = generate(rows, seed)
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(table, tmp, row_group_size=1_000_000)
        tmp.replace(path)
    return path


def load_duckdb(parquet: Path, database: Path | str) -> None:
    """A DuckDB database holding the Parquet data as table ``fact_pupils_micro``."""
    import duckdb

    if isinstance(database, Path):
        database.unlink(missing_ok=True)
        Path(f"{database}.wal").unlink(missing_ok=True)
    with duckdb.connect(str(database)) as con:
        con.execute(f"CREATE OR REPLACE TABLE {TABLE} AS SELECT * FROM read_parquet('{parquet}')")


# --------------------------------------------------------------------------------------------
# The workload: the whole catalog on this dataset
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    indicator: str
    by: tuple[str, ...]


def workload(catalog: Any) -> list[Job]:
    """Every indicator that ``pupils_micro`` can answer, for each allowed breakdown of BREAKDOWNS."""
    dataset = catalog.datasets[DATASET]
    jobs: list[Job] = []
    for indicator in catalog.indicators.values():
        terms = [indicator.numerator] + ([indicator.denominator] if indicator.denominator else [])
        if indicator.kind == "published" or (indicator.datasets and DATASET not in indicator.datasets):
            continue
        if not all(dataset.measure(t.measure) and all(dataset.dimension(d) for d in t.where) for t in terms):
            continue
        for by in BREAKDOWNS:
            if all(dim in indicator.breakdowns and dataset.dimension(dim) for dim in by):
                jobs.append(Job(indicator.id, by))
    return jobs


# Hand-written definitions (copied from the YAML; not read from the catalog).
LEAVER_CODES = ("ohne_hsa", "hsa", "msa", "fhr", "ahr")
GENERAL_SCHOOLS = (
    "grundschule",
    "orientierungsstufe",
    "hauptschule",
    "mehrere_bildungsgaenge",
    "realschule",
    "gymnasium",
    "gesamtschule",
    "waldorf",
)


def _in(column: str, codes: Iterable[str]) -> str:
    return f"{column} IN ({', '.join(repr(code) for code in codes)})"


SEN_SQL = _in("foerderschwerpunkt", SEN_CODES)  # the catalog's list (equivalent to <> 'ohne' on this data)
# indicator → (numerator condition, denominator condition or None); None condition = every row
SQL_TERMS: dict[str, tuple[str | None, str | bool | None]] = {
    "pupils": (None, False),
    "foreign_pupils_share": ("staatsangehoerigkeit = 'auslaendisch'", None),
    "sen_rate": (SEN_SQL, None),
    "special_school_share": ("schulart = 'foerderschule'", None),
    "inclusion_share": (f"{SEN_SQL} AND {_in('schulart', GENERAL_SCHOOLS)}", SEN_SQL),
    "inclusion_rate": (f"{SEN_SQL} AND {_in('schulart', GENERAL_SCHOOLS)}", None),
    "leavers": (_in("abschluss", LEAVER_CODES), False),
    "leavers_without_hsa_share": ("abschluss = 'ohne_hsa'", _in("abschluss", LEAVER_CODES)),
    "leavers_hsa_share": ("abschluss = 'hsa'", _in("abschluss", LEAVER_CODES)),
    "leavers_msa_share": ("abschluss = 'msa'", _in("abschluss", LEAVER_CODES)),
    "leavers_abitur_share": ("abschluss = 'ahr'", _in("abschluss", LEAVER_CODES)),
    "repeaters_rate": ("wiederholer = 'ja'", None),
}
# False: no denominator (a count); None: the denominator counts every row.


def sql_for(job: Job) -> str:
    """The hand-written query of one indicator × breakdown."""
    num, den = SQL_TERMS[job.indicator]
    keys = ", ".join(job.by)
    if den is False:  # a count
        where = f" WHERE {num}" if num else ""
        return f"SELECT {keys}, count(*) AS num FROM {TABLE}{where} GROUP BY {keys} ORDER BY {keys}"
    assert num is not None
    if den is None:  # denominator: all pupils
        return (
            f"SELECT {keys}, count(*) FILTER (WHERE {num}) AS num, count(*) AS den "
            f"FROM {TABLE} GROUP BY {keys} ORDER BY {keys}"
        )
    # the numerator is a subset of the denominator here: filter rows by the denominator
    return (
        f"SELECT {keys}, count(*) FILTER (WHERE {num}) AS num, count(*) AS den "
        f"FROM {TABLE} WHERE {den} GROUP BY {keys} ORDER BY {keys}"
    )


def _pandas_masks(df: Any, indicator: str) -> tuple[Any, Any]:
    """(numerator mask, denominator mask or None for counts); written by hand."""
    leaver = df["abschluss"].isin(LEAVER_CODES)
    if indicator == "pupils":
        return None, None
    if indicator == "leavers":
        return leaver, None
    if indicator.startswith("leavers_"):
        code = {
            "leavers_without_hsa_share": "ohne_hsa",
            "leavers_hsa_share": "hsa",
            "leavers_msa_share": "msa",
            "leavers_abitur_share": "ahr",
        }[indicator]
        return df["abschluss"].eq(code), leaver
    sen = df["foerderschwerpunkt"].isin(SEN_CODES)
    if indicator == "foreign_pupils_share":
        return df["staatsangehoerigkeit"].eq("auslaendisch"), True
    if indicator == "sen_rate":
        return sen, True
    if indicator == "special_school_share":
        return df["schulart"].eq("foerderschule"), True
    if indicator == "inclusion_share":
        return sen & df["schulart"].isin(GENERAL_SCHOOLS), sen
    if indicator == "inclusion_rate":
        return sen & df["schulart"].isin(GENERAL_SCHOOLS), True
    if indicator == "repeaters_rate":
        return df["wiederholer"].eq("ja"), True
    raise KeyError(f"no hand-written pandas baseline for {indicator!r}: add one")


# --------------------------------------------------------------------------------------------
# The three variants; each returns {job: {key tuple: (value, numerator, denominator)}}
# --------------------------------------------------------------------------------------------

Cells = dict[tuple[Any, ...], tuple[float | None, float | None, float | None]]


def _ratio(num: float, den: float | None) -> tuple[float | None, float, float | None]:
    if den is None:
        return float(num), float(num), None
    return (num / den * 100.0 if den else None), float(num), float(den)


def run_engine_job(con: Any, catalog: Any, job: Job, available: set[str] | None) -> Cells:
    from bildungslandschaft.core.engine import compute
    from bildungslandschaft.core.result import Query

    result = compute(con, catalog, Query(job.indicator, job.by, {}, False, DATASET), available)
    return {
        tuple(cell.key[dim] for dim in job.by): (cell.value, cell.numerator, cell.denominator) for cell in result.cells
    }


def run_workspace_job(workspace: Any, job: Job) -> Cells:
    """The engine as a long-running service calls it: one Workspace, reused."""
    from bildungslandschaft.core.result import Query

    result = workspace.compute(Query(job.indicator, job.by, {}, False, DATASET))
    return {
        tuple(cell.key[dim] for dim in job.by): (cell.value, cell.numerator, cell.denominator) for cell in result.cells
    }


def run_sql_job(raw: Any, job: Job) -> Cells:
    width = len(job.by)
    cells: Cells = {}
    for row in raw.execute(sql_for(job)).fetchall():
        den = row[width + 1] if len(row) > width + 1 else None
        cells[tuple(row[:width])] = _ratio(row[width], den)
    return cells


def run_pandas_job(df: Any, job: Job) -> Cells:
    import pandas as pd

    num, den = _pandas_masks(df, job.indicator)
    keys = list(job.by)
    if num is None:  # count every row
        counts = df.groupby(keys, sort=True).size()
        return {_key(key): _ratio(value, None) for key, value in counts.items()}
    if den is None:  # a count of the rows matching a condition
        counts = df.loc[num, keys].groupby(keys, sort=True).size()
        return {_key(key): _ratio(value, None) for key, value in counts.items()}
    # den is True: the denominator counts every row; else only the rows of the denominator's mask
    frame = df[keys].assign(num=num) if den is True else df.loc[den, keys].assign(num=num[den])
    sums = frame.groupby(keys, sort=True).agg(num=("num", "sum"), den=("num", "size"))
    assert isinstance(sums, pd.DataFrame)
    return {
        _key(key): _ratio(n, d)
        for key, n, d in zip(sums.index, sums["num"].to_numpy(), sums["den"].to_numpy(), strict=True)
    }


def _key(key: Any) -> tuple[Any, ...]:
    parts = key if isinstance(key, tuple) else (key,)
    return tuple(part.item() if isinstance(part, np.generic) else part for part in parts)


def run_all(run_job: Callable[[Job], Cells], jobs: list[Job]) -> dict[Job, Cells]:
    return {job: run_job(job) for job in jobs}


def time_jobs(run_job: Callable[[Job], Cells], jobs: list[Job]) -> tuple[float, dict[Job, float]]:
    """Wall time of the whole workload and of each job."""
    per_job: dict[Job, float] = {}
    start = time.perf_counter()
    for job in jobs:
        t0 = time.perf_counter()
        run_job(job)
        per_job[job] = time.perf_counter() - t0
    return time.perf_counter() - start, per_job


def compare(reference: Mapping[Job, Cells], other: Mapping[Job, Cells], name: str, tol: float = 1e-9) -> int:
    """Assert identical keys and numbers (relative and absolute tolerance ``tol``); the number of cells."""
    checked = 0
    assert reference.keys() == other.keys(), f"{name}: different jobs"
    for job, cells in reference.items():
        theirs = other[job]
        assert cells.keys() == theirs.keys(), (
            f"{name}: {job}: keys differ, only engine: {sorted(cells.keys() - theirs.keys())[:5]}, "
            f"only {name}: {sorted(theirs.keys() - cells.keys())[:5]}"
        )
        for key, values in cells.items():
            for label, mine, their in zip(("value", "numerator", "denominator"), values, theirs[key], strict=True):
                same = (mine is None and their is None) or (
                    mine is not None and their is not None and math.isclose(mine, their, rel_tol=tol, abs_tol=tol)
                )
                assert same, f"{name}: {job} {key} {label}: engine {mine!r} != {their!r}"
            checked += 1
    return checked


def compiled_sql(con: Any, catalog: Any, job: Job, available: set[str]) -> str:
    """The SQL the engine generates for a job (diagnostics: what DuckDB actually runs)."""
    from bildungslandschaft.core.engine import compile_query
    from bildungslandschaft.core.result import Query

    tables = {name: con.table(catalog.datasets[name].table_name) for name in available}
    expression, _ = compile_query(catalog, tables, Query(job.indicator, job.by, {}, False, DATASET), available)
    return str(con.compile(expression))


_NOT_DARUNTER = r"""NOT\s+\(\s*"t\d+"\."abschluss"\s+IN\s+\('fhr_schulisch',\s*'fhr_schulisch_nachr'\)\s*\)"""
_DARUNTER_AND = re.compile(r"\s+AND\s+" + _NOT_DARUNTER)
_DARUNTER = re.compile(_NOT_DARUNTER)


def without_darunter(sql: str) -> str:
    """The generated SQL without the exclusion of the "darunter" Abschluss codes (diagnostics).

    ``term_predicate`` excludes ``fhr_schulisch``/``fhr_schulisch_nachr`` from every term that
    does not restrict ``abschluss``; such codes are memo lines of aggregate tables and never occur
    in microdata, so dropping the clause cannot change a number (the benchmark checks that).
    """
    return _DARUNTER.sub("TRUE", _DARUNTER_AND.sub("", sql))
