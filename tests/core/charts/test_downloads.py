"""Downloads: German CSV, XLSX, JSON and the Frictionless description."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from openpyxl import load_workbook

from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.downloads import datapackage, to_csv, to_json, to_xlsx

MakePublished = Callable[..., Published]


def leavers(make_published: MakePublished) -> Published:
    return make_published(
        "leavers_without_hsa_share",
        ("year", "stadtteil"),
        [
            ({"year": "2024", "stadtteil": "_T"}, 11.6869, 230, 1968),
            ({"year": "2024", "stadtteil": "altstadt"}, 11.9565, 22, 184),
            ({"year": "2024", "stadtteil": "buckau"}, None, None, None),
        ],
    )


def test_csv_opens_in_german_excel(make_published: MakePublished) -> None:
    content = to_csv(leavers(make_published))
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Jahr", "Stadtteil", "Stadtteil (Schlüssel)", "Wert", "Zeichen", "Zähler", "Nenner", "Einheit"]
    assert rows[2] == ["2024", "Altstadt", "altstadt", "11,96", "", "22", "184", "%"]
    assert rows[3] == ["2024", "Buckau", "buckau", "", ".", "", "", "%"]
    assert b"\r\n" in content


def test_csv_neutralises_text_that_looks_like_a_formula(make_published: MakePublished) -> None:
    published = make_published(
        "leavers_without_hsa_share",
        ("year", "stadtteil"),
        [({"year": "2024", "stadtteil": "=HYPERLINK(1)"}, 1.0, 1, 100)],
    )
    assert "'=HYPERLINK(1)" in to_csv(published).decode("utf-8-sig")


def test_xlsx_keeps_numbers_as_numbers_and_explains_the_signs(make_published: MakePublished) -> None:
    book = load_workbook(io.BytesIO(to_xlsx(leavers(make_published))))
    data = list(book["Daten"].iter_rows(values_only=True))
    assert data[2][3] == 11.96
    assert data[3][3] is None and data[3][4] == "."
    notes = {row[0]: row[1] for row in book["Erläuterungen"].iter_rows(values_only=True)}
    assert notes["Zeichen ."] == "Zahlenwert unbekannt oder geheim zu halten"


def test_json_and_datapackage_describe_the_same_columns(make_published: MakePublished) -> None:
    published = leavers(make_published)
    document = json.loads(to_json(published))
    package = datapackage(published, "leavers-stadtteil-2024", {"csv": "a.csv", "json": "a.json"})
    names = [field["name"] for field in package["resources"][0]["schema"]["fields"]]
    assert list(document["daten"][0]) == names
    assert package["resources"][0]["dialect"]["delimiter"] == ";"
    assert package["licenses"][0]["name"] == "dl-de-by-2.0"
