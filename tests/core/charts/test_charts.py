"""Vega-Lite specs from published results: what they show, and that vl-convert renders them."""

from __future__ import annotations

import json
from collections.abc import Callable

import vl_convert

from bildungslandschaft.core.charts import breakdown_chart, locator_map, stadtteil_map, time_series_chart
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.geo import stadtteil_geojson

MakePublished = Callable[..., Published]


def sen_by_year(make_published: MakePublished) -> Published:
    return make_published(
        "sen_rate",
        ("year",),
        [
            ({"year": "2022"}, 11.26, 225, 2000),
            ({"year": "2023"}, None, None, None),
            ({"year": "2024"}, 9.5, 190, 2000),
        ],
    )


def test_time_series_shows_german_values_and_the_withheld_year_as_a_gap(make_published: MakePublished) -> None:
    spec = time_series_chart(sen_by_year(make_published), "Förderquote")
    rows = spec["data"]["values"]
    assert [(row["year"], row["value"], row["label"]) for row in rows] == [
        ("2022", 11.26, "11,3 %"),
        ("2023", None, "."),
        ("2024", 9.5, "9,5 %"),
    ]


def test_time_series_renders_to_svg_with_german_axis_numbers(make_published: MakePublished) -> None:
    pupils = make_published(
        "pupils", ("year",), [({"year": "2023"}, 21500.0, 21500, None), ({"year": "2024"}, 22500.0, 22500, None)]
    )
    svg = vl_convert.vegalite_to_svg(time_series_chart(pupils, "Schüler:innen"))
    assert "20.000" in svg  # German thousands separator on the axis
    assert "Schüler:innen" in svg


def test_breakdown_leaves_out_empty_school_types_and_keeps_withheld_ones(make_published: MakePublished) -> None:
    published = make_published(
        "foreign_pupils_share",
        ("year", "schulart"),
        [
            ({"year": "2024", "schulart": "_T"}, 8.0, 80, 1000),
            ({"year": "2024", "schulart": "grundschule"}, 10.0, 50, 500),
            ({"year": "2024", "schulart": "hauptschule"}, 0.0, 0, 0),
            ({"year": "2024", "schulart": "gymnasium"}, None, None, None),
        ],
    )
    spec = breakdown_chart(published, "schulart", "Ausländeranteil")
    assert [(row["category"], row["label"]) for row in spec["data"]["values"]] == [
        ("Grundschulen", "10,0 %"),
        ("Gymnasien", "."),
    ]
    assert "<svg" in vl_convert.vegalite_to_svg(spec)


def test_map_classes_stadtteile_and_marks_withheld_ones(make_published: MakePublished) -> None:
    values = {"altstadt": 5.0, "buckau": 10.0, "cracau": 15.0, "diesdorf": 20.0, "fermersleben": None}
    rows = [({"year": "2024", "stadtteil": code}, value, 1 if value else None, 10) for code, value in values.items()]
    published = make_published("sgb2_children_rate", ("year", "stadtteil"), rows)
    spec = stadtteil_map(published, stadtteil_geojson(), "SGB II")
    properties = {f["properties"]["stadtteil"]: f["properties"] for f in spec["data"]["values"]["features"]}
    assert properties["fermersleben"]["klasse"] == "geheim (.)"
    assert properties["altstadt"]["klasse"] != properties["diesdorf"]["klasse"]
    assert properties["herrenkrug"]["klasse"] == "keine Daten"
    domain = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert domain[-2:] == ["geheim (.)", "keine Daten"]
    assert spec["layer"][2]["data"]["values"][0]["name"] == "Fermersleben"
    svg = vl_convert.vegalite_to_svg(spec)
    assert "geheim (.)" in svg


def test_locator_map_highlights_one_stadtteil() -> None:
    spec = locator_map(stadtteil_geojson(), "buckau", "Lage")
    highlighted = [f["properties"]["name"] for f in spec["data"]["values"]["features"] if f["properties"]["hier"]]
    assert highlighted == ["Buckau"]
    assert json.loads(json.dumps(spec)) == spec  # self-contained: plain JSON, no callables
