"""The JSON API (django-ninja): catalog, published values, Stadtteile, open data description.

Values come only from `web.analytics.published` (the disclosure gate); hidden indicators
(staff area) answer 404 as if they did not exist.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja import Path as PathParam
from ninja.errors import ValidationError

from bildungslandschaft.core.catalog.model import Indicator, Term
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.engine import QueryError, plan_terms
from bildungslandschaft.core.result import Query as EngineQuery
from bildungslandschaft.core.spreadsheet import neutralise
from bildungslandschaft.web import analytics
from bildungslandschaft.web.api import datapackage, schemas
from bildungslandschaft.web.api.values import BadRequest, csv_header, csv_rows, parse_by, parse_filters, values_document
from bildungslandschaft.web.staff.visibility import is_public, public_only

DESCRIPTION = """Offene Schnittstelle des kommunalen Bildungsmonitorings.

Alle Werte haben das Geheimhaltungsverfahren durchlaufen: kleine Fallzahlen und Zellen, aus denen
sie sich zurückrechnen ließen, werden mit `wert: null`, `zeichen: "."` und `status` `U` bzw. `M`
ausgegeben. Die Zeichenerklärung steht in jeder Antwort. Bitte geben Sie die Quelle
(`namensnennung`) an, wenn Sie die Daten weiterverwenden.
"""

api = NinjaAPI(
    title="Bildungslandschaft – offene Daten",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
)


INDICATOR_ID = PathParam(..., description="Id des Indikators, z. B. leavers_without_hsa_share (siehe /api/indikatoren)")
BY = Query(
    None,
    description="Aufgliederung, durch Komma getrennt, z. B. year,stadtteil (erlaubt: aufgliederungen des Indikators; "
    "Standard: year)",
)


class NotFound(LookupError):
    """An unknown or hidden resource (answered with 404 and this message)."""


@api.exception_handler(NotFound)
def _not_found(request: HttpRequest, error: NotFound) -> HttpResponse:
    return api.create_response(request, {"fehler": str(error)}, status=404)


@api.exception_handler(BadRequest)
@api.exception_handler(QueryError)
def _bad_request(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"fehler": str(error)}, status=400)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    places = ", ".join(".".join(str(part) for part in item.get("loc", ())) for item in error.errors)
    return api.create_response(request, {"fehler": f"Ungültige Angabe: {places or 'Anfrage'}"}, status=400)


def public_indicator(indicator_id: str) -> Indicator:
    indicator = analytics.catalog().indicators.get(indicator_id)
    if indicator is None or not is_public(indicator_id):
        raise NotFound(f"Unbekannter Indikator: {indicator_id}")
    return indicator


@api.get("/", url_name="root", summary="Einstieg", response=dict[str, Any])
def root(request: HttpRequest) -> dict[str, Any]:
    """Links zu allen Teilen der Schnittstelle."""
    return {
        "api": "Bildungslandschaft",
        "version": 1,
        "links": {
            "openapi": reverse("api:openapi-json"),
            "bereiche": reverse("api:areas"),
            "indikatoren": reverse("api:indicators"),
            "stadtteile": reverse("api:stadtteile"),
            "datapackage": reverse("api:datapackage"),
        },
    }


@api.get("/bereiche", url_name="areas", response=list[schemas.Bereich], summary="Bereiche des Monitorings")
def areas(request: HttpRequest) -> list[dict[str, Any]]:
    """Die Bereiche (Anwendungsleitfaden) mit ihren veröffentlichten Indikatoren."""
    catalog = analytics.catalog()
    shown = public_only(catalog.indicators.values())
    return [
        {"id": area, "titel": title, "indikatoren": [ind.id for ind in shown if ind.area == area]}
        for area, title in catalog.areas.items()
    ]


@api.get(
    "/indikatoren",
    url_name="indicators",
    response={200: list[schemas.Indikator], 400: schemas.Fehler},
    summary="Indikatorenkatalog",
)
def indicators(
    request: HttpRequest, bereich: schemas.Bereichskuerzel | None = None, suche: str | None = None
) -> list[dict[str, Any]]:
    """Alle veröffentlichten Indikatoren mit Definition und Quelle; `bereich` und `suche` schränken ein."""
    catalog = analytics.catalog()
    if bereich is not None and bereich not in catalog.areas:
        raise BadRequest(f"Unbekannter Bereich {bereich!r} (vorhanden: {', '.join(catalog.areas)})")
    needle = (suche or "").strip().casefold()
    found = [
        indicator
        for indicator in public_only(catalog.indicators.values())
        if (bereich is None or indicator.area == bereich)
        and (not needle or needle in f"{indicator.title} {indicator.topic} {indicator.definition}".casefold())
    ]
    return [indicator_document(indicator) for indicator in found]


@api.get(
    "/indikatoren/{indikator_id}",
    url_name="indicator",
    response={200: schemas.Indikator, 404: schemas.Fehler},
    summary="Ein Indikator",
)
def indicator(request: HttpRequest, indikator_id: str = INDICATOR_ID) -> dict[str, Any]:
    """Definition, Zähler und Nenner, erlaubte Aufgliederungen und Quelle eines Indikators."""
    return indicator_document(public_indicator(indikator_id))


@api.get(
    "/indikatoren/{indikator_id}/werte",
    url_name="values",
    response={200: schemas.Werte, 400: schemas.Fehler, 404: schemas.Fehler},
    summary="Werte eines Indikators",
)
def values(
    request: HttpRequest, filters: Query[schemas.Filter], indikator_id: str = INDICATOR_ID, by: str | None = BY
) -> dict[str, Any]:
    """Veröffentlichte Werte mit Aufgliederung (`by=year,stadtteil`) und Filtern (`year=2023`).

    Ohne `by` wird nach Jahr aufgegliedert. Summen stehen unter dem Schlüssel `_T`.
    """
    published = _published(indikator_id, by, filters.dict(exclude_none=True))
    return values_document(analytics.catalog(), published)


@api.get(
    "/indikatoren/{indikator_id}/werte.csv",
    url_name="values-csv",
    summary="Werte als CSV (offene Daten)",
    response={400: schemas.Fehler, 404: schemas.Fehler},
    openapi_extra={
        "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}}
    },
)
def values_csv(
    request: HttpRequest, filters: Query[schemas.Filter], indikator_id: str = INDICATOR_ID, by: str | None = BY
) -> HttpResponse:
    """Dieselben Werte als CSV: Komma, Dezimalpunkt, UTF-8; beschrieben in `datapackage.json`."""
    published = _published(indikator_id, by, filters.dict(exclude_none=True))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_header(published.by))
    writer.writerows([neutralise(value) for value in row] for row in csv_rows(analytics.catalog(), published))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = "-".join([indikator_id, *published.by])
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


GEOJSON_RESPONSE = {
    "description": "GeoJSON-FeatureCollection (RFC 7946, WGS 84)",
    "content": {
        "application/geo+json": {
            "schema": {
                "type": "object",
                "required": ["type", "features"],
                "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array"}},
            }
        }
    },
}


@api.get(
    "/stadtteile",
    url_name="stadtteile",
    summary="Stadtteile als GeoJSON",
    openapi_extra={"responses": {"200": GEOJSON_RESPONSE}},
)
def stadtteile(request: HttpRequest) -> HttpResponse:
    """Die 40 Stadtteile als GeoJSON-FeatureCollection (Eigenschaften `stadtteil` und `name`).

    Stadtteilgrenzen © OpenStreetMap-Mitwirkende, Open Database License (ODbL) 1.0.
    """
    from bildungslandschaft.core.geo import ATTRIBUTION, stadtteil_geojson

    document = stadtteil_geojson() | {"namensnennung": ATTRIBUTION}
    return JsonResponse(document, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False})


@api.get("/datapackage.json", url_name="datapackage", response=dict[str, Any], summary="Beschreibung der offenen Daten")
def data_package(request: HttpRequest) -> dict[str, Any]:
    """Frictionless Data Package: jede CSV-Datei der veröffentlichten Indikatoren mit Tabellenschema."""
    catalog = analytics.catalog()
    downloadable = [ind for ind in public_only(catalog.indicators.values()) if _has_data(ind)]

    def url_for(indicator: Indicator, by: tuple[str, ...]) -> str:
        path = reverse("api:values-csv", kwargs={"indikator_id": indicator.id})
        return request.build_absolute_uri(f"{path}?by={','.join(by)}")

    return datapackage.data_package(catalog, downloadable, url_for, homepage=request.build_absolute_uri("/"))


def indicator_document(indicator: Indicator) -> dict[str, Any]:
    catalog = analytics.catalog()
    return {
        "id": indicator.id,
        "titel": indicator.title,
        "titel_en": indicator.title_en,
        "bereich": indicator.area,
        "bereich_titel": catalog.areas.get(indicator.area, indicator.area),
        "thema": indicator.topic,
        "definition": indicator.definition,
        "art": indicator.kind,
        "einheit": indicator.unit,
        "nachkommastellen": indicator.decimals,
        "faktor": indicator.factor,
        "zaehler": _term(indicator.numerator),
        "nenner": _term(indicator.denominator) if indicator.denominator else None,
        "aufgliederungen": list(indicator.breakdowns),
        "quelle": indicator.source,
        "namensnennung": indicator.attribution,
        "interpretation": indicator.interpretation,
        "links": {"werte": reverse("api:values", kwargs={"indikator_id": indicator.id})},
    }


def _term(term: Term) -> dict[str, Any]:
    return {"merkmal": term.measure, "bedingungen": {dim: list(codes) for dim, codes in term.where.items()}}


def _published(indikator_id: str, by_text: str | None, params: dict[str, str]) -> Published:
    indicator = public_indicator(indikator_id)
    by = parse_by(indicator, by_text)
    where = parse_filters(indicator, params)
    return analytics.published(indicator.id, by, where)  # QueryError: answered with 400


def _has_data(indicator: Indicator) -> bool:
    space = analytics.workspace()
    try:
        plan_terms(space.catalog, indicator, EngineQuery(indicator.id, ("year",)), space.available)
    except QueryError:
        return False
    return True
