"""Any bytes given to any reader give a successful read or an `ImportFailed` in German – never a traceback.

The inputs: random bytes, and the demo city's own files (one per reader) with random edits
(bytes flipped, inserted, deleted, the file cut off), which keep most of the structure so the
readers get deep before they meet the fault. XLSX cells get random values too.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.core.ingest.fuzz_targets import check_message, mutate, run_import, run_reader, targets

from bildungslandschaft.core.ingest.errors import ImportFailed

READERS = ["genesis", "ffcsv", "table_csv", "table_xlsx"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = st.sampled_from(["flip", "insert", "delete", "cut"])
EDIT = st.tuples(KINDS, st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8))


@pytest.mark.parametrize("reader", READERS)
@FAST
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash_a_reader(reader: str, data: bytes) -> None:
    run_reader(reader, data)


@pytest.mark.parametrize("reader", READERS)
@FAST
@given(edits=st.lists(EDIT, min_size=1, max_size=6))
def test_edited_real_layout_never_crashes_a_reader(reader: str, edits: list[tuple[str, int, bytes]]) -> None:
    run_reader(reader, mutate(targets()[reader].seed, edits))


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=25, deadline=None)
@given(edits=st.lists(EDIT, min_size=1, max_size=4))
def test_edited_files_never_crash_the_whole_import(reader: str, edits: list[tuple[str, int, bytes]]) -> None:
    run_import(reader, mutate(targets()[reader].seed, edits))


CELL = st.one_of(
    st.none(), st.integers(-(10**12), 10**12), st.floats(allow_nan=True), st.text(max_size=30), st.booleans()
)


@FAST
@given(cells=st.lists(st.tuples(st.integers(0, 14), st.integers(0, 7), CELL), min_size=1, max_size=12))
def test_any_cell_values_in_a_workbook_never_crash_the_table_reader(cells: list[tuple[int, int, object]]) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = load_workbook(io.BytesIO(targets()["table_xlsx"].seed))
    sheet = book.active
    for row, column, value in cells:
        try:
            sheet.cell(row=row + 1, column=column + 1, value=value)
        except (ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses control characters itself
            continue
    out = io.BytesIO()
    try:
        book.save(out)
    except AttributeError:  # openpyxl cannot write some combinations itself: not an input we can get
        assume(False)
    run_reader("table_xlsx", out.getvalue())


def test_the_seeds_themselves_import() -> None:
    for reader in READERS:
        run_import(reader, targets()[reader].seed)


def test_an_english_message_counts_as_a_finding() -> None:
    with pytest.raises(AssertionError, match="German"):
        check_message(ImportFailed("x.csv", "list index out of range"))
