"""GraphML (Gephi, yEd, networkx, igraph); its mapping of graph attributes to the
domain serves the GEXF reader too (:mod:`importers.formats.gexf`).

Reading maps attributes to the domain where names match and keeps the rest as
``x_`` properties.  A node is an ``Actor`` unless its ``label`` attribute names
another label of the domain (Gephi uses ``label`` for the display name: it then
becomes the ``name``).  An edge is a ``COOPERATES_WITH`` tie (kind
``partnership``) unless its ``type`` attribute names another relationship type;
``strength`` (or a ``weight`` of 1, 2 or 3) gives the tie strength, and
``valid_from``/``valid_to`` (GEXF ``start``/``end``) its period.  Ids become valid
slugs (``Conseil régional`` -> ``conseil-regional``).

Writing GraphML keeps every property (lists as JSON text) and the labels in
``label``, so that a GraphML export reads back with networkx and with this reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.errors import ReadError
from importers.formats import as_node_id, dumps_value, slugify
from importers.records import (
    EXTRA_PREFIX,
    ImportProblem,
    Location,
    NodeRecord,
    Record,
    RecordStream,
    RelationshipRecord,
)

_LABELS = {label.value.lower(): label.value for label in NodeLabel}
_TYPES = {t.value.lower(): t.value for t in RelationshipType}
#: Attributes networkx adds that are not data.
_VISUAL = {"viz"}


def _labels_from(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, str):
        return None
    parts = [_LABELS.get(part.strip().lower()) for part in value.split(":")]
    return tuple(p for p in parts if p) if parts and all(parts) else None


def _list_or_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, list):
            return parsed
    return value


def _extra_name(name: str) -> str:
    """The property an unmapped attribute is kept as (``x_`` once, never twice)."""
    return (
        name
        if name.startswith(EXTRA_PREFIX)
        else f"{EXTRA_PREFIX}{slugify(name).replace('-', '_')}"
    )


def _node_record(
    key: Any, data: dict[str, Any], where: Location, fields: dict[str, set[str]]
) -> NodeRecord:
    # GraphML exports name the labels in `label`; GEXF ones in `labels` (GEXF's own
    # `label` is the display name).
    labels = (
        _labels_from(data.get("labels"))
        or _labels_from(data.get("label"))
        or (NodeLabel.ACTOR.value,)
    )
    known = set().union(*(fields.get(label, set()) for label in labels))
    properties: dict[str, Any] = {}
    for name, value in data.items():
        if name in _VISUAL:
            for axis, number in (value.get("position") or {}).items():
                properties[f"{EXTRA_PREFIX}viz_{axis}"] = number
            for channel, number in (value.get("color") or {}).items():
                properties[f"{EXTRA_PREFIX}viz_{channel}"] = number
            continue
        if name == "labels" and _labels_from(value):
            continue
        if name == "label":
            if _labels_from(value) is None:
                properties.setdefault("name", value)  # a display name, as Gephi writes it
            continue
        if name in known:
            properties[name] = _list_or_text(value)
        else:
            properties[_extra_name(name)] = value
    properties["id"] = as_node_id(str(properties.get("id", key)))
    properties.setdefault("name", str(key))
    if isinstance(properties.get("country"), str):
        properties["country"] = properties["country"].upper()
    return NodeRecord(labels, properties, where)


def _edge_record(
    source: str,
    target: str,
    data: dict[str, Any],
    where: Location,
    fields: dict[str, set[str]],
    ids: dict[Any, str],
) -> RelationshipRecord:
    named = data.get("type") or data.get("relationship_type") or ""
    rel_type = _TYPES.get(str(named).lower(), RelationshipType.COOPERATES_WITH.value)
    known = fields.get(rel_type, set())
    properties: dict[str, Any] = {}
    for name, value in data.items():
        if name in ("type", "relationship_type", "key") or name in _VISUAL:
            continue
        if name == "weight" and "strength" in known and value in (1, 2, 3, 1.0, 2.0, 3.0):
            properties.setdefault("strength", int(value))
        elif name in ("start", "end"):
            properties["valid_from" if name == "start" else "valid_to"] = value
        elif name in known:
            properties[name] = _list_or_text(value)
        else:
            properties[_extra_name(name)] = value
    if "id" in properties:
        properties["id"] = as_node_id(str(properties["id"]))
    if rel_type == RelationshipType.COOPERATES_WITH.value:
        properties.setdefault("kind", "partnership")
    return RelationshipRecord(
        rel_type, ids.get(source, source), ids.get(target, target), properties, where
    )


def records_from_graph(
    graph: nx.Graph, file_name: str, format_name: str, fields: dict[str, set[str]]
) -> RecordStream:
    """A networkx graph's nodes and edges as records.  The graph is in memory already
    (networkx reads GraphML and GEXF whole), so the records are listed."""
    records: list[Record] = []
    ids: dict[Any, str] = {}
    for index, (key, data) in enumerate(graph.nodes(data=True), start=1):
        record = _node_record(key, dict(data), Location(file_name, "nodes", index, None), fields)
        ids[key] = record.properties["id"]
        records.append(record)
    edges = (
        graph.edges(keys=True, data=True)
        if graph.is_multigraph()
        else ((u, v, None, d) for u, v, d in graph.edges(data=True))
    )
    for index, (u, v, key, data) in enumerate(edges, start=1):
        data = dict(data)
        if "id" not in data and key is not None and not isinstance(key, int):
            data["id"] = key
        records.append(
            _edge_record(u, v, data, Location(file_name, "edges", index, None), fields, ids)
        )
    return RecordStream(format_name, records)


def read(path: Path, fields: dict[str, set[str]]) -> RecordStream:
    """Read a GraphML file; ``fields`` names the domain fields of each label and type."""
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except Exception as exc:  # networkx raises several kinds for a broken file
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc
    return records_from_graph(graph, path.name, "graphml", fields)


def write(
    path: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    graph = nx.MultiDiGraph(scope=json.dumps(scope, ensure_ascii=False))
    for node in nodes:
        attributes = {k: dumps_value(v) for k, v in node["properties"].items() if v is not None}
        attributes["label"] = ":".join(sorted(node["labels"]))
        graph.add_node(node["properties"]["id"], **attributes)
    for rel in relationships:
        attributes = {k: dumps_value(v) for k, v in rel["properties"].items() if v is not None}
        attributes["type"] = rel["type"]
        graph.add_edge(rel["from"], rel["to"], key=rel["properties"]["id"], **attributes)
    nx.write_graphml(graph, path, edge_id_from_attribute="id")
    return {"nodes": graph.number_of_nodes(), "relationships": graph.number_of_edges()}
