"""Kumu exports, so that a Kumu project can move over: an XLSX workbook with
``Elements`` and ``Connections`` sheets, or Kumu's JSON (``elements``,
``connections``).

An element's ``Type`` becomes its label when it names one of the domain's (in
English or French: ``Actor``/``Acteur``/``Organisation``, ``Territory``/``Territoire``,
``Dialogue framework``/``Cadre de dialogue``, ``Operation``/``Opération``/``Projet``,
``Issue``/``Enjeu``, ``Person``/``Personne``); otherwise the element is an actor
and keeps its Kumu type as ``x_type``.  A connection's ``Type`` becomes its
relationship type when it names one; otherwise it is a ``COOPERATES_WITH`` tie.
Connections refer to elements by label (XLSX) or id (JSON).  Everything else is
mapped as GraphML attributes are (see :mod:`importers.formats.graphml`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.errors import ReadError
from importers.formats import slugify
from importers.formats.graphml import records_from_graph
from importers.records import ImportProblem, Location, RecordStream

_TYPES: dict[str, str] = {
    **{label.value.lower(): label.value for label in NodeLabel},
    "acteur": NodeLabel.ACTOR.value,
    "organisation": NodeLabel.ACTOR.value,
    "organization": NodeLabel.ACTOR.value,
    "territoire": NodeLabel.TERRITORY.value,
    "dialogue framework": NodeLabel.DIALOGUE_FRAMEWORK.value,
    "cadre de dialogue": NodeLabel.DIALOGUE_FRAMEWORK.value,
    "opération": NodeLabel.OPERATION.value,
    "projet": NodeLabel.OPERATION.value,
    "project": NodeLabel.OPERATION.value,
    "enjeu": NodeLabel.ISSUE.value,
    "personne": NodeLabel.PERSON.value,
}
_RELATIONS = {t.value.lower(): t.value for t in RelationshipType} | {
    t.value.lower().replace("_", " "): t.value for t in RelationshipType
}


def is_kumu_workbook(path: Path) -> bool:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        titles = {title.lower() for title in workbook.sheetnames}
    finally:
        workbook.close()
    return {"elements", "connections"} <= titles


def is_kumu_json(path: Path) -> bool:
    """Whether a JSON file is a Kumu export (``elements`` and ``connections`` at its
    top), found by streaming it: a large Maillage JSON file is not loaded to tell."""
    import ijson

    keys = set()
    with path.open("rb") as stream:
        try:
            for prefix, event, value in ijson.parse(stream):
                if prefix != "":
                    continue
                if event == "map_key":
                    if value == "format":  # Maillage JSON names its format first
                        return False
                    keys.add(value)
                    if {"elements", "connections"} <= keys:
                        return True
                elif event != "start_map":
                    return False
        except (ijson.JSONError, UnicodeDecodeError):
            return False  # the JSON reader says what is wrong with it
    return False


def _field(name: str) -> str:
    return slugify(name).replace("-", "_")


def _element(graph: nx.MultiDiGraph, key: str, attributes: dict[str, Any]) -> None:
    data = {_field(k): v for k, v in attributes.items() if v not in (None, "")}
    kumu_type = str(data.pop("type", data.pop("element_type", "")) or "")
    label = _TYPES.get(kumu_type.strip().lower())
    name = data.pop("label", key)
    if label is None and kumu_type:
        data["x_type"] = kumu_type
    if "tags" in data:
        data["x_tags"] = data.pop("tags")
    graph.add_node(key, **data, name=name, label=label or NodeLabel.ACTOR.value)


def _connection(
    graph: nx.MultiDiGraph, source: str, target: str, attributes: dict[str, Any]
) -> None:
    data = {_field(k): v for k, v in attributes.items() if v not in (None, "")}
    kumu_type = str(data.pop("type", data.pop("connection_type", "")) or "")
    relation = _RELATIONS.get(kumu_type.strip().lower())
    if relation is None and kumu_type:
        data["x_type"] = kumu_type
    for kumu_only in ("from", "to", "direction", "label"):
        if kumu_only in data:
            data[f"x_{kumu_only}"] = data.pop(kumu_only)
    graph.add_edge(source, target, **data, **({"type": relation} if relation else {}))


def read_xlsx(path: Path, fields: dict[str, set[str]]) -> RecordStream:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    graph = nx.MultiDiGraph()
    problems: list[ImportProblem] = []
    try:
        sheets = {ws.title.lower(): ws for ws in workbook.worksheets}
        rows = sheets["elements"].iter_rows(values_only=True)
        header = [str(h or "") for h in next(rows, ())]
        for row in rows:
            attributes = dict(zip(header, row, strict=False))
            label = attributes.get("Label") or attributes.get("label")
            if label:
                _element(graph, str(label), attributes)
        rows = sheets["connections"].iter_rows(values_only=True)
        header = [str(h or "") for h in next(rows, ())]
        for number, row in enumerate(rows, start=2):
            attributes = dict(zip(header, row, strict=False))
            source, target = attributes.get("From"), attributes.get("To")
            if not source or not target:
                continue
            for end, column in ((source, "From"), (target, "To")):
                if str(end) not in graph:
                    problems.append(
                        ImportProblem(
                            Location(path.name, "Connections", number, column),
                            "import.dangling",
                            value=str(end),
                            values={"ref": str(end)},
                        )
                    )
            if str(source) in graph and str(target) in graph:
                _connection(graph, str(source), str(target), attributes)
    finally:
        workbook.close()
    if problems:
        raise ReadError(problems[0], problems)
    return records_from_graph(graph, path.name, "kumu", fields)


def read_json(path: Path, document: dict[str, Any], fields: dict[str, set[str]]) -> RecordStream:
    graph = nx.MultiDiGraph()
    keys: dict[str, str] = {}
    for element in document.get("elements") or []:
        attributes = dict(element.get("attributes") or {})
        key = str(attributes.get("label") or element.get("_id") or "")
        if not key:
            continue
        keys[str(element.get("_id", key))] = key
        _element(graph, key, attributes)
    problems = []
    for number, connection in enumerate(document.get("connections") or [], start=1):
        source = keys.get(str(connection.get("from")))
        target = keys.get(str(connection.get("to")))
        if source is None or target is None:
            problems.append(
                ImportProblem(
                    Location(path.name, "connections", number),
                    "import.dangling",
                    value=str(connection.get("from" if source is None else "to")),
                    values={"ref": str(connection.get("from" if source is None else "to"))},
                )
            )
            continue
        _connection(graph, source, target, dict(connection.get("attributes") or {}))
    if problems:
        raise ReadError(problems[0], problems)
    return records_from_graph(graph, path.name, "kumu", fields)


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc
