"""GEXF (Gephi): read with networkx and mapped to the domain as GraphML is (see
:mod:`importers.formats.graphml`); written as GEXF 1.3 by this module.

The writer is our own rather than networkx's: networkx 3.6 declares the ``xsi``
namespace of its 1.3 output as ``http://w3.org/…`` (without ``www``), which makes
``xsi:schemaLocation`` an attribute the GEXF schema does not allow, and it adds an
empty ``name`` on ``<graph>`` that the schema does not know either.  Nodes carry
their name as the GEXF label, their domain labels in a ``labels`` column and, when
a map gave them one, their position and colour as ``viz`` data; edges carry the
relationship type in ``relationship_type`` (GEXF reserves the edge ``type``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx

from graph_service.errors import ReadError
from importers.formats import dumps_value
from importers.formats.graphml import records_from_graph
from importers.records import EXTRA_PREFIX, ImportProblem, Location, RecordStream

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GEXF_NS} {GEXF_NS}/gexf.xsd"
_VIZ_PREFIX = f"{EXTRA_PREFIX}viz_"


def _gexf_label_columns(path: Path) -> dict[str, str]:
    """Node id -> value of a node attribute column titled ``label``.

    GEXF nodes have a built-in ``label`` (the display name) and networkx lets it
    hide a data column of the same title; the column is where a file names the
    domain label, so it is read here directly.
    """
    root = ElementTree.parse(path).getroot()
    namespace = root.tag.split("}", 1)[0] + "}" if root.tag.startswith("{") else ""
    column_ids = {
        attribute.get("id")
        for attributes in root.iter(f"{namespace}attributes")
        if attributes.get("class") == "node"
        for attribute in attributes.iter(f"{namespace}attribute")
        if attribute.get("title") == "label"
    }
    found = {}
    for node in root.iter(f"{namespace}node"):
        for value in node.iter(f"{namespace}attvalue"):
            if value.get("for") in column_ids and node.get("id") is not None:
                found[str(node.get("id"))] = str(value.get("value"))
    return found


def read(path: Path, fields: dict[str, set[str]]) -> RecordStream:
    """Read a GEXF file (1.1 to 1.3), attributes mapped as for GraphML."""
    try:
        graph = nx.read_gexf(path, node_type=str)
        label_columns = _gexf_label_columns(path)
    except Exception as exc:
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc
    for node, label in label_columns.items():
        data = graph.nodes[node]
        data.setdefault("name", data.get("label", node))
        data["label"] = label
    return records_from_graph(graph, path.name, "gexf", fields)


def _type(value: Any) -> str:
    """The GEXF attribute type of a value (dumps_value has made lists and dates text)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


class _Columns:
    """The attribute columns of one class (node or edge): an id and a type per title.
    A title whose values have several types is written as text."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}

    def see(self, attributes: dict[str, Any]) -> None:
        for title, value in attributes.items():
            kind = _type(value)
            if self.types.setdefault(title, kind) != kind:
                self.types[title] = "string"

    def declare(self, graph: ElementTree.Element, class_: str) -> dict[str, str]:
        """Write ``<attributes>``; returns title -> attribute id."""
        element = ElementTree.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": class_})
        ids = {}
        for index, (title, kind) in enumerate(sorted(self.types.items())):
            ids[title] = f"{class_[0]}{index}"
            ElementTree.SubElement(
                element, f"{{{GEXF_NS}}}attribute", {"id": ids[title], "title": title, "type": kind}
            )
        return ids


def _attvalues(
    parent: ElementTree.Element, attributes: dict[str, Any], ids: dict[str, str]
) -> None:
    if attributes:
        values = ElementTree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for title, value in sorted(attributes.items()):
            ElementTree.SubElement(
                values, f"{{{GEXF_NS}}}attvalue", {"for": ids[title], "value": _text(value)}
            )


def _viz(parent: ElementTree.Element, properties: dict[str, Any]) -> None:
    """Position and colour from the ``x_viz_…`` properties a map import kept."""
    position = {axis: properties.get(f"{_VIZ_PREFIX}{axis}") for axis in ("x", "y", "z")}
    if position["x"] is not None and position["y"] is not None:
        ElementTree.SubElement(
            parent,
            f"{{{VIZ_NS}}}position",
            {axis: str(float(value or 0.0)) for axis, value in position.items()},
        )
    color = {channel: properties.get(f"{_VIZ_PREFIX}{channel}") for channel in "rgba"}
    if all(color[channel] is not None for channel in "rgb"):
        ElementTree.SubElement(
            parent,
            f"{{{VIZ_NS}}}color",
            {
                channel: str(float(value)) if channel == "a" else str(int(value))
                for channel, value in color.items()
                if value is not None
            },
        )


def write(
    path: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    """Write GEXF 1.3; returns the counts."""
    node_rows = []
    node_columns, edge_columns = _Columns(), _Columns()
    for node in nodes:
        properties = node["properties"]
        attributes = {
            k: dumps_value(v)
            for k, v in properties.items()
            if v is not None and not k.startswith(_VIZ_PREFIX)
        }
        attributes["labels"] = ":".join(sorted(node["labels"]))
        node_columns.see(attributes)
        node_rows.append((properties, attributes))
    edge_rows = []
    for rel in relationships:
        attributes = {k: dumps_value(v) for k, v in rel["properties"].items() if v is not None}
        attributes["relationship_type"] = rel["type"]
        edge_columns.see(attributes)
        edge_rows.append((rel, attributes))

    for prefix, namespace in (("", GEXF_NS), ("viz", VIZ_NS), ("xsi", XSI_NS)):
        ElementTree.register_namespace(prefix, namespace)
    root = ElementTree.Element(
        f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION}
    )
    meta = ElementTree.SubElement(
        root, f"{{{GEXF_NS}}}meta", {"lastmodifieddate": date.today().isoformat()}
    )
    ElementTree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "Maillage"
    description = ElementTree.SubElement(meta, f"{{{GEXF_NS}}}description")
    description.text = json.dumps({"scope": scope}, ensure_ascii=False)
    graph = ElementTree.SubElement(
        root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"}
    )
    node_ids = node_columns.declare(graph, "node")
    edge_ids = edge_columns.declare(graph, "edge")
    nodes_element = ElementTree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for properties, attributes in node_rows:
        element = ElementTree.SubElement(
            nodes_element,
            f"{{{GEXF_NS}}}node",
            {"id": properties["id"], "label": str(properties.get("name") or properties["id"])},
        )
        _attvalues(element, attributes, node_ids)
        _viz(element, properties)
    edges_element = ElementTree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for rel, attributes in edge_rows:
        element = ElementTree.SubElement(
            edges_element,
            f"{{{GEXF_NS}}}edge",
            {"id": rel["properties"]["id"], "source": rel["from"], "target": rel["to"]},
        )
        _attvalues(element, attributes, edge_ids)
    ElementTree.indent(root)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return {"nodes": len(node_rows), "relationships": len(edge_rows)}
