"""The catalog as Markdown (docs/catalog.md), generated so it cannot drift from the YAML."""

from __future__ import annotations

from bildungslandschaft.core.catalog.model import Catalog, Dataset, Indicator, Term


def _term(term: Term) -> str:
    where = "; ".join(f"{dim} ∈ {{{', '.join(codes)}}}" for dim, codes in term.where.items())
    return f"`{term.measure}`" + (f" ({where})" if where else "")


def _indicator(catalog: Catalog, indicator: Indicator) -> list[str]:
    lines = [
        f"### {indicator.title} (`{indicator.id}`)",
        "",
        f"*{indicator.title_en}* · Bereich {indicator.area} {catalog.areas[indicator.area]} · Thema: {indicator.topic}",
        "",
        indicator.definition.strip(),
        "",
        f"- Art: {indicator.kind}; Einheit: {indicator.unit}; Nachkommastellen: {indicator.decimals}",
        f"- Zähler: {_term(indicator.numerator)}",
    ]
    if indicator.denominator is not None:
        lines.append(f"- Nenner: {_term(indicator.denominator)}; Faktor: {indicator.factor:g}")
    lines += [
        f"- Aufgliederungen: {', '.join(f'`{dim}`' for dim in indicator.breakdowns)}",
        f"- Quelle: {indicator.source}",
        f"- Namensnennung: {indicator.attribution}",
        f"- Interpretation: {indicator.interpretation.strip()}",
        "",
    ]
    return lines


def _dataset(dataset: Dataset) -> list[str]:
    dims = ", ".join(
        f"`{dim.id}`" + (f" (Summe `{dim.total}` gespeichert)" if dim.total else "") for dim in dataset.dimensions
    )
    measures = ", ".join(f"`{measure.id}` ({measure.unit})" for measure in dataset.measures)
    sources = ", ".join(f"{source.format} `{source.table}`" for source in dataset.sources) or "–"
    return [
        f"### {dataset.title} (`{dataset.id}`)",
        "",
        dataset.description.strip(),
        "",
        f"- Art: {dataset.kind}; Dimensionen: {dims}",
        f"- Messgrößen: {measures}",
        f"- Quellen: {sources}",
        f"- Namensnennung: {dataset.attribution}",
        "",
    ]


def catalog_markdown(catalog: Catalog) -> str:
    """The whole catalog as one German Markdown page."""
    lines = [
        "# Indikatorenkatalog",
        "",
        "<!-- Erzeugt mit `bila docs` aus src/bildungslandschaft/catalog/. Nicht von Hand bearbeiten. -->",
        "",
        f"Katalogversion `{catalog.version.split('+')[0]}` · {len(catalog.indicators)} Indikatoren · "
        f"{len(catalog.datasets)} Datensätze · {len(catalog.classifications)} Klassifikationen.",
        "",
    ]
    for area, title in catalog.areas.items():
        lines += [f"## Bereich {area}: {title}", ""]
        for indicator in catalog.indicators.values():
            if indicator.area == area:
                lines += _indicator(catalog, indicator)
    lines += ["## Datensätze", ""]
    for dataset in catalog.datasets.values():
        lines += _dataset(dataset)
    lines += ["## Klassifikationen", ""]
    for classification in catalog.classifications.values():
        codes = ", ".join(f"`{code.code}` {code.label}" for code in classification.codes) or "offen"
        pattern = f" (Muster `{classification.pattern}`)" if classification.pattern else ""
        lines += [f"- **{classification.title}** (`{classification.id}`){pattern}: {codes}", ""]
    return "\n".join(lines).rstrip() + "\n"
