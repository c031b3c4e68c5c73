"""Public pages of the monitoring (thin views: the work is in the core and `figures`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from bildungslandschaft.core import charts, downloads, themes
from bildungslandschaft.core.catalog.model import Indicator
from bildungslandschaft.core.chart_text import trend_sentence
from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.core.geo import ATTRIBUTION as GEO_ATTRIBUTION
from bildungslandschaft.core.geo import stadtteil_geojson, stadtteil_names
from bildungslandschaft.core.labels import dimension_title
from bildungslandschaft.web import analytics
from bildungslandschaft.web.pagecache import public_page
from bildungslandschaft.web.portal import figures, fragments
from bildungslandschaft.web.portal import sources as source_list
from bildungslandschaft.web.staff.visibility import is_public, public_only


@public_page
def home(request: HttpRequest) -> HttpResponse:
    catalog = analytics.catalog()
    shown = public_only(catalog.indicators.values())
    public = {indicator.id for indicator in shown}
    found = [figures.key_figure(catalog.indicator(name)) for name in figures.KEY_FIGURES if name in public]
    context = {
        "key_figures": [figure for figure in found if figure is not None],
        "themes": themes.by_theme(shown),
        "stadtteile": sorted(stadtteil_names().items(), key=lambda item: item[1]),
    }
    return render(request, "portal/home.html", context)


@public_page
def catalog(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:200]
    theme = request.GET.get("thema", "")
    if theme not in {found.slug for found in themes.THEMES}:
        theme = ""
    areas = analytics.catalog().areas
    area = request.GET.get("bereich", "")
    area = area if area in areas else ""
    found = public_only(themes.search(analytics.catalog(), text, theme, area))
    context = {
        "q": text,
        "theme": theme,
        "themes": themes.THEMES,
        "area": area,
        "areas": sorted(areas.items()),
        "groups": themes.by_theme(found),
        "count": len(found),
    }
    return render(request, "portal/catalog.html", context)


def _indicator(indicator_id: str) -> Indicator:
    try:
        found = analytics.catalog().indicator(indicator_id)
    except KeyError:
        raise Http404("Diesen Indikator gibt es nicht.") from None
    if not is_public(found.id):
        raise Http404("Dieser Indikator ist derzeit nicht veröffentlicht.")
    return found


@public_page
def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    found = _indicator(indicator_id)
    published = figures.series(found.id)
    years = figures.indicator_years(found.id)
    year = request.GET.get("jahr", "")
    year = year if year in years else (years[-1] if years else "")
    body = fragments.fragment(
        f"indicator:{found.id}:{year}", "portal/_indicator_body.html", lambda: _indicator_context(found, year)
    )
    return render(request, "portal/indicator.html", {"indicator": found, "published": published, "body": body})


def _indicator_context(found: Indicator, year: str) -> dict[str, object]:
    published = figures.series(found.id)
    context: dict[str, object] = {
        "LANGUAGE_CODE": get_language(),
        "indicator": found,
        "theme": themes.theme_of(found),
        "published": published,
        "numerator": figures.term_text(found.numerator),
        "denominator": figures.term_text(found.denominator) if found.denominator else "",
    }
    if published is None:
        return context
    map_chart = figures.map_chart(found, year)
    return context | {
        "years": figures.indicator_years(found.id),
        "year": year,
        "time_chart": figures.time_chart(published),
        "breakdowns": figures.breakdown_charts(found, year),
        "map_chart": map_chart[0] if map_chart else None,
        "geo_attribution": GEO_ATTRIBUTION,
        "downloads": _download_links(found, year),
    }


def _download_links(found: Indicator, year: str) -> list[tuple[str, str]]:
    """(label, query string) of each table that can be downloaded."""
    links = [("Zeitreihe (alle Jahre)", "")]
    for dim in ("stadtteil", *figures.BREAKDOWNS):
        if dim in found.breakdowns:
            links.append((f"nach {dimension_title(dim)}, {year}", f"?nach={dim}&jahr={year}"))
    return links


def _download_query(request: HttpRequest, found: Indicator) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], str]:
    dim = request.GET.get("nach", "")
    year = request.GET.get("jahr", "")
    if dim and (dim not in found.breakdowns or dim == "year"):
        raise Http404(f"Eine Gliederung nach {dim!r} gibt es für diesen Indikator nicht.")
    if not dim:
        return ("year",), {}, f"{found.id}_zeitreihe"
    if year not in figures.indicator_years(found.id):
        raise Http404("Für dieses Jahr liegen keine Daten vor.")
    return ("year", dim), {"year": (year,)}, f"{found.id}_{dim}_{year}"


def download(request: HttpRequest, indicator_id: str, fmt: str) -> HttpResponse:
    if fmt not in downloads.FORMATS:
        raise Http404("Dieses Dateiformat gibt es nicht (CSV, XLSX oder JSON).")
    found = _indicator(indicator_id)
    by, where, name = _download_query(request, found)
    try:
        published = analytics.published(found.id, by, where)
    except QueryError:
        raise Http404("Für diesen Indikator liegen keine Daten vor.") from None
    content_type, extension = downloads.FORMATS[fmt]
    response = HttpResponse(downloads.render(published, fmt), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def datapackage(request: HttpRequest, indicator_id: str) -> HttpResponse:
    found = _indicator(indicator_id)
    by, where, name = _download_query(request, found)
    try:
        published = analytics.published(found.id, by, where)
    except QueryError:
        raise Http404("Für diesen Indikator liegen keine Daten vor.") from None
    query = request.GET.urlencode()
    base = request.build_absolute_uri(reverse("portal:download", args=[found.id, "csv"])).removesuffix(".csv")
    paths = {fmt: f"{base}.{fmt}" + (f"?{query}" if query else "") for fmt in downloads.FORMATS}
    package = downloads.datapackage(published, name.replace("_", "-"), paths)
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 1})


@public_page
def stadtteile(request: HttpRequest) -> HttpResponse:
    chosen = request.GET.get("stadtteil", "")
    if chosen in stadtteil_names():
        return redirect("portal:stadtteil", code=chosen)
    names = sorted(stadtteil_names().items(), key=lambda item: item[1])
    spec = charts.locator_map(stadtteil_geojson(), "", "Die 40 Stadtteile")
    return render(
        request, "portal/stadtteile.html", {"stadtteile": names, "spec": spec, "geo_attribution": GEO_ATTRIBUTION}
    )


@public_page
def stadtteil(request: HttpRequest, code: str) -> HttpResponse:
    names = stadtteil_names()
    if code not in names:
        raise Http404("Diesen Stadtteil gibt es nicht.")
    body = fragments.fragment(f"stadtteil:{code}", "portal/_stadtteil_body.html", lambda: _stadtteil_context(code))
    context = {"name": names[code], "body": body}
    return render(request, "portal/stadtteil.html", context)


def _stadtteil_context(code: str) -> dict[str, object]:
    name = stadtteil_names()[code]
    return {
        "code": code,
        "name": name,
        "names": [name],
        "rows": figures.stadtteil_rows([code]),
        "spec": charts.locator_map(stadtteil_geojson(), code, f"Lage von {name}"),
        "geo_attribution": GEO_ATTRIBUTION,
    }


@public_page
def compare(request: HttpRequest) -> HttpResponse:
    names = stadtteil_names()
    a, b = request.GET.get("a", ""), request.GET.get("b", "")
    catalog = analytics.catalog()
    context: dict[str, object] = {
        "stadtteile": sorted(names.items(), key=lambda item: item[1]),
        "a": a,
        "b": b,
        "indicators": sorted(catalog.indicators.values(), key=lambda found: found.title),
    }
    if a in names and b in names:
        context |= {
            "name_a": names[a],
            "name_b": names[b],
            "names": [names[a], names[b]],
            "rows": figures.stadtteil_rows([a, b]),
        }
    elif a or b:
        context["error"] = "Bitte wählen Sie zwei Stadtteile aus der Liste."
    indicator_id = request.GET.get("indikator", "")
    if indicator_id in catalog.indicators:
        _compare_years(request, catalog.indicator(indicator_id), context)
    return render(request, "portal/compare.html", context)


def _compare_years(request: HttpRequest, found: Indicator, context: dict[str, object]) -> None:
    years = figures.indicator_years(found.id)
    year_a = request.GET.get("jahr_a", "") if request.GET.get("jahr_a") in years else (years[0] if years else "")
    year_b = request.GET.get("jahr_b", "") if request.GET.get("jahr_b") in years else (years[-1] if years else "")
    context |= {"indicator": found, "years": years, "year_a": year_a, "year_b": year_b}
    if not years:
        context["year_error"] = "Für diesen Indikator liegen keine Daten vor."
        return
    published = figures.series(found.id)
    context["year_rows"] = figures.year_values(found, year_a, year_b)
    if published is not None:
        context["year_sentence"] = trend_sentence(published, year_a, year_b)


@public_page
def sources(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/sources.html", source_list.context(analytics.catalog()))
