"""Writing a validated import: tell apart what is new, changed or unchanged, then
write only the first two, in batches, inside one transaction (all or nothing).

Updates add to a node or relationship (``SET +=``): a file never deletes a
property it does not mention.  Importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph_service.domain.enums import NodeLabel
from importers.validation import ValidatedImport

_IGNORED = {"recorded_at"}


def _same(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return all(stored.get(key) == value for key, value in new.items() if key not in _IGNORED)


@dataclass
class ImportPlan:
    #: {"nodes": {"Actor": {"created": n, "updated": n, "unchanged": n}}, "relationships": {…}}
    summary: dict[str, dict[str, dict[str, int]]]
    node_rows: dict[tuple[str, ...], list[dict[str, Any]]] = field(default_factory=dict)
    relationship_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: What it takes to undo the import if it is written in several transactions:
    #: ids it creates, and the stored properties of what it updates.
    created_nodes: list[str] = field(default_factory=list)
    created_relationships: list[str] = field(default_factory=list)
    previous_nodes: list[dict[str, Any]] = field(default_factory=list)
    previous_relationships: list[dict[str, Any]] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(len(rows) for rows in self.node_rows.values()) + sum(
            len(rows) for rows in self.relationship_rows.values()
        )


def _count(table: dict[str, dict[str, int]], key: str, outcome: str) -> None:
    counts = table.setdefault(key, {"created": 0, "updated": 0, "unchanged": 0})
    counts[outcome] += 1


def _outcome(stored: Mapping[str, Any] | None, properties: Mapping[str, Any], fits: bool) -> str:
    """created, unchanged (every value the file gives is stored already) or updated."""
    if stored is None:
        return "created"
    return "unchanged" if fits and _same(stored["properties"], properties) else "updated"


def _remember(
    created: list[str],
    previous: list[dict[str, Any]],
    outcome: str,
    id: str,
    stored: Mapping[str, Any] | None,
) -> None:
    """Keep what undoing this record would take (see ImportPlan)."""
    if outcome == "created":
        created.append(id)
    elif outcome == "updated" and stored is not None:
        previous.append({"id": id, "properties": stored["properties"]})


def _written(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in properties.items() if k not in _IGNORED}


def plan(
    validated: ValidatedImport,
    stored_nodes: Mapping[str, Mapping[str, Any]],
    stored_relationships: Mapping[str, Mapping[str, Any]],
) -> ImportPlan:
    """Compare the import with what is stored (``{id: {"labels", "properties"}}``)."""
    result = ImportPlan(summary={"nodes": {}, "relationships": {}})
    for node in validated.nodes:
        id = node.properties["id"]
        stored = stored_nodes.get(id)
        fits = stored is not None and set(node.labels) <= set(stored["labels"])
        outcome = _outcome(stored, node.properties, fits)
        _count(result.summary["nodes"], ":".join(node.labels), outcome)
        _remember(result.created_nodes, result.previous_nodes, outcome, id, stored)
        if outcome != "unchanged":
            result.node_rows.setdefault(node.labels, []).append(
                {
                    "id": id,
                    "properties": _written(node.properties),
                    "recorded_at": node.properties.get("recorded_at"),
                    # SDGs are seeded by the schema, not recorded by anyone.
                    "stamp": NodeLabel.SDG.value not in node.labels,
                }
            )
    for rel in validated.relationships:
        id = rel.properties["id"]
        stored = stored_relationships.get(id)
        outcome = _outcome(stored, rel.properties, fits=True)
        _count(result.summary["relationships"], rel.type, outcome)
        _remember(result.created_relationships, result.previous_relationships, outcome, id, stored)
        if outcome != "unchanged":
            result.relationship_rows.setdefault(rel.type, []).append(
                {
                    "id": id,
                    "from_id": rel.from_id,
                    "to_id": rel.to_id,
                    "properties": _written(rel.properties),
                    "recorded_at": rel.properties.get("recorded_at"),
                }
            )
    return result
