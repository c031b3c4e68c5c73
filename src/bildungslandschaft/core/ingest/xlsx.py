"""Read one sheet of an XLSX file as rows (openpyxl, read-only)."""

from __future__ import annotations

import io

from openpyxl import load_workbook


def load_sheet(data: bytes, sheet: str | None) -> list[tuple[int, list[object]]]:
    """Rows of the sheet as (line, values), skipping empty rows."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        rows: list[tuple[int, list[object]]] = []
        for index, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            values = list(row)
            while values and values[-1] is None:
                values.pop()
            if any(value not in (None, "") for value in values):
                rows.append((index, values))
        width = max((len(values) for _, values in rows), default=0)
        return [(line, values + [None] * (width - len(values))) for line, values in rows]
    finally:
        workbook.close()
