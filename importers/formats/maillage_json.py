"""The project's own JSON format: every node (labels and properties) and every
relationship (type, ends, properties), nothing lost.

.. code-block:: json

    {"format": "maillage", "version": 1,
     "nodes": [{"labels": ["Actor"], "properties": {"id": "grdr", "name": "GRDR"}}],
     "relationships": [{"type": "COOPERATES_WITH", "from": "grdr", "to": "cfsi",
                        "properties": {"id": "grdr-cfsi", "valid_from": "2010-01-01"}}]}

Dates are ISO texts; the domain models give them back their type on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from importers.formats import dumps_value
from importers.records import (
    ImportBatch,
    ImportProblem,
    Location,
    NodeRecord,
    ReadError,
    RelationshipRecord,
)

FORMAT_NAME = "maillage"
VERSION = 1


def read(path: Path) -> ImportBatch:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ReadError(ImportProblem(Location(path.name), "import.not_maillage_json"))
    batch = ImportBatch(format="json")
    for index, node in enumerate(document.get("nodes") or [], start=1):
        where = Location(path.name, "nodes", index)
        if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
            batch.nodes.append(NodeRecord((), {}, where))  # reported by validation
            continue
        batch.nodes.append(
            NodeRecord(tuple(node.get("labels") or ()), dict(node["properties"]), where)
        )
    for index, rel in enumerate(document.get("relationships") or [], start=1):
        where = Location(path.name, "relationships", index)
        if not isinstance(rel, dict):
            rel = {}
        batch.relationships.append(
            RelationshipRecord(
                str(rel.get("type") or ""),
                str(rel.get("from") or ""),
                str(rel.get("to") or ""),
                dict(rel.get("properties") or {}),
                where,
            )
        )
    return batch


def _plain(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (value if isinstance(value, list) else dumps_value(value))
        for key, value in sorted(properties.items())
        if value is not None
    }


def write(
    path: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    """Write nodes (``labels``, ``properties``) and relationships (``type``, ``from``,
    ``to``, ``properties``) as one document; returns the counts."""
    node_list = [
        {"labels": sorted(n["labels"]), "properties": _plain(n["properties"])} for n in nodes
    ]
    rel_list = [
        {"type": r["type"], "from": r["from"], "to": r["to"], "properties": _plain(r["properties"])}
        for r in relationships
    ]
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "scope": scope,
        "nodes": node_list,
        "relationships": rel_list,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"nodes": len(node_list), "relationships": len(rel_list)}
