"""Stadtteil polygons for maps and the generated sentences that describe charts."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from bildungslandschaft.core.chart_data import quantile_thresholds
from bildungslandschaft.core.chart_text import describe_breakdown, describe_time_series, trend_sentence
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.geo import stadtteil_geojson
from bildungslandschaft.core.labels import classification_for

MakePublished = Callable[..., Published]


def test_geojson_has_the_forty_stadtteile_of_the_catalog() -> None:
    features = stadtteil_geojson()["features"]
    catalog_codes = {code.code for code in classification_for("stadtteil").codes} - {"_T"}
    assert len(features) == 40
    assert {f["properties"]["stadtteil"] for f in features} == catalog_codes


def test_geojson_rings_run_clockwise_as_vega_expects() -> None:
    geometry = stadtteil_geojson()["features"][0]["geometry"]
    polygon = geometry["coordinates"][0] if geometry["type"] == "MultiPolygon" else geometry["coordinates"]
    ring = polygon[0]
    doubled_area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))
    assert doubled_area < 0


def test_trend_sentence_names_direction_and_both_values(make_published: MakePublished) -> None:
    published = make_published(
        "sen_rate", ("year",), [({"year": "2015"}, 10.2, 102, 1000), ({"year": "2024"}, 11.6, 116, 1000)]
    )
    assert trend_sentence(published, "2015", "2024") == "Der Wert stieg von 10,2 % (2015) auf 11,6 % (2024)."


def test_description_mentions_withheld_years(make_published: MakePublished) -> None:
    published = make_published(
        "sen_rate",
        ("year",),
        [({"year": "2015"}, 10.2, 102, 1000), ({"year": "2016"}, None, None, None), ({"year": "2024"}, 9.0, 90, 1000)],
    )
    text = describe_time_series(published)
    assert "sank von 10,2 % (2015) auf 9,0 % (2024)" in text
    assert "Geheim gehalten (.): 2016." in text


def test_breakdown_description_names_highest_and_lowest(make_published: MakePublished) -> None:
    published = make_published(
        "sen_rate",
        ("year", "geschlecht"),
        [
            ({"year": "2024", "geschlecht": "_T"}, 9.0, 90, 1000),
            ({"year": "2024", "geschlecht": "m"}, 12.0, 60, 500),
            ({"year": "2024", "geschlecht": "w"}, 6.0, 30, 500),
        ],
    )
    assert describe_breakdown(published, "geschlecht") == (
        "Balkendiagramm „Förderquote“ nach Geschlecht 2024: höchster Wert 12,0 % (männlich), "
        "niedrigster 6,0 % (weiblich). Insgesamt: 9,0 %. Die gestrichelte Linie markiert den Wert insgesamt."
    )


def test_quantile_classes_keep_equal_values_together() -> None:
    assert quantile_thresholds([1.0, 1.0, 1.0, 2.0, 3.0], 5) == [2.0, 3.0]
    assert quantile_thresholds([], 5) == []
