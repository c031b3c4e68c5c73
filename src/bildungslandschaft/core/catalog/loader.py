"""Load the catalog from YAML and validate it into frozen value objects."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from bildungslandschaft.core.catalog.model import (
    Catalog,
    Classification,
    Code,
    Dataset,
    Dimension,
    Disclosure,
    Indicator,
    Measure,
    SourceMapping,
    Term,
)
from bildungslandschaft.core.catalog.yamlsource import Located, load_located

T = TypeVar("T")

CLASSIFICATION_FIELDS = {"id", "title", "codes", "pattern"}
CODE_FIELDS = {"code", "label", "label_en", "aliases", "parent", "successor", "darunter"}
DATASET_FIELDS = {
    "id",
    "title",
    "kind",
    "description",
    "dimensions",
    "measures",
    "sources",
    "attribution",
    "disclosure",
}
DISCLOSURE_FIELDS = {"confidential", "min_count", "rounding_base", "protect_zeros", "dimensions", "citywide", "places"}
DIMENSION_FIELDS = {"id", "classification", "total", "type"}
MEASURE_FIELDS = {"id", "title", "unit", "additive", "column", "condition"}
SOURCE_FIELDS = {"format", "table", "spec"}
INDICATOR_FIELDS = {
    "id",
    "title",
    "title_en",
    "area",
    "topic",
    "definition",
    "kind",
    "numerator",
    "denominator",
    "factor",
    "unit",
    "decimals",
    "breakdowns",
    "source",
    "attribution",
    "interpretation",
    "datasets",
}
TERM_FIELDS = {"measure", "where"}


def default_catalog_dir() -> Path:
    """The catalog shipped with the package."""
    return Path(str(resources.files("bildungslandschaft") / "catalog"))


def _required(node: Located, name: str, kind: type[T]) -> T:
    if name not in node.data or node.data[name] is None:
        raise node.error(name, "Pflichtfeld fehlt")
    return _typed(node, name, kind)


def _optional(node: Located, name: str, kind: type[T], default: T) -> T:
    if name not in node.data or node.data[name] is None:
        return default
    return _typed(node, name, kind)


def _typed(node: Located, name: str, kind: type[T]) -> T:
    value = node.data[name]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, kind):
        raise node.error(name, f"erwartet {_type_name(kind)}, gefunden {type(value).__name__}")
    return value


def _type_name(kind: type) -> str:
    return {str: "Text", int: "ganze Zahl", float: "Zahl", bool: "true/false", list: "Liste", dict: "Zuordnung"}.get(
        kind, kind.__name__
    )


def _no_unknown(node: Located, allowed: set[str]) -> None:
    for key in node.data:
        if key not in allowed:
            raise node.error(key, f"unbekanntes Feld (erlaubt: {', '.join(sorted(allowed))})")


def _items(node: Located, name: str, allowed: set[str], required: bool = True) -> list[Located]:
    raw = _required(node, name, list) if required else _optional(node, name, list, [])
    items = [node.child(name, item, index) for index, item in enumerate(raw)]
    for item in items:
        _no_unknown(item, allowed)
    return items


def _strings(node: Located, name: str) -> tuple[str, ...]:
    raw = _optional(node, name, list, [])
    if not all(isinstance(item, str | int) for item in raw):
        raise node.error(name, "erwartet eine Liste von Texten")
    return tuple(str(item) for item in raw)


def _code(node: Located) -> Code:
    return Code(
        code=_required(node, "code", str),
        label=_required(node, "label", str),
        label_en=_optional(node, "label_en", str, ""),
        aliases=_strings(node, "aliases"),
        parent=_optional(node, "parent", str, "") or None,
        successor=_optional(node, "successor", str, "") or None,
        darunter=_optional(node, "darunter", bool, False),
    )


def _classification(node: Located) -> Classification:
    codes = tuple(_code(item) for item in _items(node, "codes", CODE_FIELDS, required=False))
    seen: set[str] = set()
    for item, code in zip(_items(node, "codes", CODE_FIELDS, required=False), codes, strict=True):
        if code.code in seen:
            raise item.error("code", f"Code {code.code!r} doppelt")
        seen.add(code.code)
    return Classification(
        id=_required(node, "id", str),
        title=_required(node, "title", str),
        codes=codes,
        pattern=_optional(node, "pattern", str, "") or None,
    )


def _dimension(node: Located, classifications: dict[str, Classification]) -> Dimension:
    classification_id = _optional(node, "classification", str, _required(node, "id", str))
    classification = classifications.get(classification_id)
    if classification is None:
        raise node.error("classification", f"unbekannte Klassifikation {classification_id!r}")
    total = _optional(node, "total", str, "") or None
    if total is not None and classification.code(total) is None:
        raise node.error("total", f"Code {total!r} fehlt in Klassifikation {classification_id}")
    kind = _optional(node, "type", str, "string")
    if kind not in ("string", "int"):
        raise node.error("type", "erwartet string oder int")
    return Dimension(_required(node, "id", str), classification_id, total, "int" if kind == "int" else "string")


def _measure(node: Located) -> Measure:
    return Measure(
        id=_required(node, "id", str),
        title=_required(node, "title", str),
        unit=_optional(node, "unit", str, "Anzahl"),
        additive=_optional(node, "additive", bool, True),
        column=_optional(node, "column", str, "") or None,
        condition=_code_lists(node, "condition"),
    )


def _code_lists(node: Located, name: str) -> dict[str, tuple[str, ...]]:
    raw = _optional(node, name, dict, {})
    result: dict[str, tuple[str, ...]] = {}
    for dim, codes in raw.items():
        values = codes if isinstance(codes, list) else [codes]
        result[str(dim)] = tuple(str(value) for value in values)
    return result


def _source(node: Located) -> SourceMapping:
    fmt = _required(node, "format", str)
    if fmt not in ("genesis", "ffcsv", "table"):
        raise node.error("format", "erwartet genesis, ffcsv oder table")
    spec = _optional(node, "spec", dict, {})
    return SourceMapping(format=cast(Any, fmt), table=_required(node, "table", str), spec=spec)


def _dataset(node: Located, classifications: dict[str, Classification]) -> Dataset:
    _no_unknown(node, DATASET_FIELDS)
    kind = _optional(node, "kind", str, "aggregate")
    if kind not in ("aggregate", "microdata"):
        raise node.error("kind", "erwartet aggregate oder microdata")
    dims = tuple(_dimension(item, classifications) for item in _items(node, "dimensions", DIMENSION_FIELDS))
    measures = tuple(_measure(item) for item in _items(node, "measures", MEASURE_FIELDS))
    return Dataset(
        id=_required(node, "id", str),
        title=_required(node, "title", str),
        kind=cast(Any, kind),
        description=_optional(node, "description", str, ""),
        dimensions=dims,
        measures=measures,
        sources=tuple(_source(item) for item in _items(node, "sources", SOURCE_FIELDS, required=False)),
        attribution=_required(node, "attribution", str),
        disclosure=_disclosure(node, dims, measures),
    )


def _disclosure(parent: Located, dims: tuple[Dimension, ...], measures: tuple[Measure, ...]) -> Disclosure:
    """The ``disclosure`` block of a dataset: which measures count people and how they are protected."""
    if parent.data.get("disclosure") is None:
        return Disclosure()
    node = parent.child("disclosure", parent.data["disclosure"])
    _no_unknown(node, DISCLOSURE_FIELDS)
    confidential = _strings(node, "confidential")
    known = {measure.id for measure in measures}
    for measure_id in confidential:
        if measure_id not in known:
            raise node.error("confidential", f"unbekannte Messgröße {measure_id!r} (bekannt: {', '.join(known)})")
    dimensions, citywide, places = (_dimension_ids(node, name, dims) for name in ("dimensions", "citywide", "places"))
    if citywide and not places:
        raise node.error("places", "citywide braucht places: die Dimensionen, mit denen sie nie gekreuzt werden")
    if set(citywide) & set(places):
        raise node.error("citywide", "eine Dimension kann nicht zugleich citywide und places sein")
    return Disclosure(
        confidential=confidential,
        min_count=_at_least(node, "min_count", 1, "die Mindestfallzahl"),
        rounding_base=_at_least(node, "rounding_base", 2, "die Rundungsbasis"),
        protect_zeros=_optional(node, "protect_zeros", bool, False),
        dimensions=dimensions,
        citywide=citywide,
        places=places,
    )


def _dimension_ids(node: Located, name: str, dims: tuple[Dimension, ...]) -> tuple[str, ...]:
    found = _strings(node, name)
    for dim_id in found:
        if dim_id == "year" or dim_id not in {dim.id for dim in dims}:
            raise node.error(name, f"{dim_id!r} ist keine Dimension des Datensatzes außer year")
    return found


def _at_least(node: Located, name: str, smallest: int, what: str) -> int | None:
    value = _optional(node, name, int, None)
    if value is not None and (isinstance(value, bool) or value < smallest):
        raise node.error(name, f"{what} muss eine ganze Zahl ab {smallest} sein, nicht {value}")
    return value


def _term(parent: Located, name: str) -> Term:
    node = parent.child(name, parent.data[name])
    _no_unknown(node, TERM_FIELDS)
    return Term(measure=_required(node, "measure", str), where=_code_lists(node, "where"))


def _indicator(node: Located, areas: dict[str, str]) -> Indicator:
    _no_unknown(node, INDICATOR_FIELDS)
    kind = _optional(node, "kind", str, "ratio" if node.data.get("denominator") else "count")
    if kind not in ("count", "ratio", "published"):
        raise node.error("kind", "erwartet count, ratio oder published")
    area = _required(node, "area", str)
    if area not in areas:
        raise node.error("area", f"unbekannter Bereich {area!r} (bekannt: {', '.join(areas)})")
    denominator = _term(node, "denominator") if node.data.get("denominator") else None
    if kind == "ratio" and denominator is None:
        raise node.error("denominator", "eine Quote braucht einen Nenner")
    return Indicator(
        id=_required(node, "id", str),
        title=_required(node, "title", str),
        title_en=_required(node, "title_en", str),
        area=area,
        topic=_required(node, "topic", str),
        definition=_required(node, "definition", str),
        kind=cast(Any, kind),
        numerator=_term(node, "numerator") if "numerator" in node.data else _missing(node, "numerator"),
        denominator=denominator,
        factor=_optional(node, "factor", float, 100.0 if kind == "ratio" else 1.0),
        unit=_required(node, "unit", str),
        decimals=_optional(node, "decimals", int, 1 if kind != "count" else 0),
        breakdowns=_strings(node, "breakdowns"),
        source=_required(node, "source", str),
        attribution=_required(node, "attribution", str),
        interpretation=_required(node, "interpretation", str),
        datasets=_strings(node, "datasets"),
    )


def _missing(node: Located, name: str) -> Term:
    raise node.error(name, "Pflichtfeld fehlt")


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and validate the catalog in ``directory`` (default: the shipped one)."""
    root = directory or default_catalog_dir()
    main = load_located(root / "catalog.yaml")
    areas = {str(key): str(value) for key, value in _required(main, "areas", dict).items()}
    classifications: dict[str, Classification] = {}
    for path in sorted((root / "classifications").glob("*.yaml")):
        for item in _items(load_located(path), "classifications", CLASSIFICATION_FIELDS):
            _unique(classifications, _classification(item), item)
    datasets: dict[str, Dataset] = {}
    for path in sorted((root / "datasets").glob("*.yaml")):
        node = load_located(path)
        _unique(datasets, _dataset(node, classifications), node)
    indicators: dict[str, Indicator] = {}
    for path in sorted((root / "indicators").glob("*.yaml")):
        for item in _items(load_located(path), "indicators", INDICATOR_FIELDS):
            indicator = _indicator(item, areas)
            _check_indicator(indicator, item, datasets, classifications)
            _unique(indicators, indicator, item)
    return Catalog(
        version=f"{_required(main, 'version', str)}+{_fingerprint(root)}",
        areas=areas,
        classifications=classifications,
        datasets=datasets,
        indicators=indicators,
    )


def _unique(registry: dict[str, Any], item: Any, node: Located) -> None:
    if item.id in registry:
        raise node.error("id", f"{item.id!r} ist schon definiert")
    registry[item.id] = item


def _check_indicator(
    indicator: Indicator,
    node: Located,
    datasets: dict[str, Dataset],
    classifications: dict[str, Classification],
) -> None:
    terms = [("numerator", indicator.numerator)]
    if indicator.denominator is not None:
        terms.append(("denominator", indicator.denominator))
    for name, term in terms:
        providers = [ds for ds in datasets.values() if ds.measure(term.measure) is not None]
        if not providers:
            raise node.error(name, f"kein Datensatz liefert die Messgröße {term.measure!r}")
        for dim, codes in term.where.items():
            _check_codes(node, name, dim, codes, providers, classifications)
        for breakdown in indicator.breakdowns:
            if not any(ds.dimension(breakdown) for ds in providers):
                raise node.error(
                    "breakdowns", f"{breakdown!r} ist keine Dimension eines Datensatzes mit {term.measure!r}"
                )
    for dataset_id in indicator.datasets:
        if dataset_id not in datasets:
            raise node.error("datasets", f"unbekannter Datensatz {dataset_id!r}")


def _check_codes(
    node: Located,
    name: str,
    dim: str,
    codes: tuple[str, ...],
    providers: list[Dataset],
    classifications: dict[str, Classification],
) -> None:
    with_dim = [ds for ds in providers if ds.dimension(dim)]
    if not with_dim:
        raise node.error(name, f"where: {dim!r} ist keine Dimension der Datensätze {[ds.id for ds in providers]}")
    for dataset in with_dim:
        dimension = dataset.dimension(dim)
        assert dimension is not None
        classification = classifications[dimension.classification]
        for code in codes:
            if classification.resolve(code) != code:
                raise node.error(name, f"where: Code {code!r} fehlt in Klassifikation {classification.id}")


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
