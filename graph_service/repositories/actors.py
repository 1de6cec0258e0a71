"""Actor-centred reads: the neighbourhood of an actor."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph_service.domain.enums import RelationshipType
from graph_service.repositories.cypher import query
from graph_service.repositories.database import to_neo4j
from graph_service.repositories.nodes import node_from_projection
from graph_service.repositories.relationships import relationship_from


def _recorded(item: dict[str, Any]) -> dict[str, Any]:
    """``recorded_at`` back from the text the query sends: the driver's own
    date-time decoding was a fifth of a busy API worker's time (py-spy)."""
    if item.get("recorded_at") is not None:
        item["recorded_at"] = datetime.fromisoformat(item["recorded_at"])
    else:
        item.pop("recorded_at", None)
    return item


def neighbourhood(
    tx: ManagedTransaction,
    id: str,
    *,
    depth: int,
    types: list[RelationshipType] | None,
    at: date | None,
    equals: dict[str, Any],
    territory: str | None,
    limit: int,
) -> dict[str, Any] | None:
    """Nodes and relationships within ``depth`` hops of actor ``id``; None if absent."""
    record = tx.run(
        query("actors/neighbourhood", depth=depth),
        id=id,
        types=[t.value for t in types] if types else None,
        at=at,
        equals=to_neo4j(equals),
        territory=territory,
        limit=limit,
    ).single()
    if record is None:
        return None
    nodes: dict[str, dict[str, Any]] = {}
    for path in record["path_nodes"]:
        for item in path:
            if item["id"] not in nodes:
                nodes[item["id"]] = _recorded(node_from_projection(item))
    relationships: dict[str, dict[str, Any]] = {}
    for path in record["path_relationships"]:
        for item in path:
            rel = _recorded(relationship_from(item))
            relationships.setdefault(rel.get("id") or repr(sorted(rel.items())), rel)
    return {
        "centre": _recorded(node_from_projection(record["centre"])),
        "nodes": sorted(nodes.values(), key=lambda n: (n.get("name") or "", n["id"])),
        "relationships": sorted(
            relationships.values(),
            key=lambda r: (r["type"], r["from_id"], r["to_id"], r.get("id") or ""),
        ),
        "truncated": record["truncated"],
    }
