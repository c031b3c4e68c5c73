"""YAML with line numbers, so that catalog errors can name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class CatalogError(ValueError):
    """A catalog file is wrong; the message reads ``file:line: field: what is wrong``."""


@dataclass(frozen=True)
class Located:
    """A YAML mapping with the line of each key, for precise error messages."""

    data: dict[str, Any]
    lines: dict[str, int]
    path: Path
    line: int
    prefix: str = ""

    def error(self, field: str, message: str) -> CatalogError:
        line = self.lines.get(field, self.line)
        name = f"{self.prefix}{field}" if field else self.prefix.rstrip(".")
        return CatalogError(f"{self.path}:{line}: {name}: {message}")

    def child(self, field: str, node: Any, index: int | None = None) -> Located:
        """The located mapping under ``field`` (or its list item ``index``)."""
        label = f"{self.prefix}{field}" + (f"[{index}]" if index is not None else "")
        if not isinstance(node, LocatedDict):
            raise self.error(field, "erwartet eine Zuordnung (key: value)")
        return Located(dict(node), node.lines, self.path, node.line, label + ".")


class LocatedDict(dict[str, Any]):
    """A dict that remembers the line of the mapping and of each key."""

    line: int
    lines: dict[str, int]


def _construct(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = str(_construct(key_node))
            if key in result:
                raise CatalogError(f"{node.start_mark.name}:{key_node.start_mark.line + 1}: {key}: doppelter Schlüssel")
            result[key] = _construct(value_node)
            result.lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item) for item in node.value]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def load_located(path: Path) -> Located:
    """Load one YAML file whose top level is a mapping."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = " ".join(str(getattr(error, "problem", None) or error).split())
        raise CatalogError(f"{path}:{line}: YAML-Syntaxfehler: {problem}") from error
    if root is None:
        raise CatalogError(f"{path}:1: Datei ist leer")
    data = _construct(root)
    if not isinstance(data, LocatedDict):
        raise CatalogError(f"{path}:1: erwartet eine Zuordnung auf oberster Ebene")
    return Located(dict(data), data.lines, path, data.line)
