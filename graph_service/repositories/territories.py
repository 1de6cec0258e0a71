"""Territory hierarchy (PART_OF): sub-territories and ancestors."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query
from graph_service.repositories.nodes import node_from_projection

#: Deeper than any real hierarchy (commune < département < région < pays < sous-région).
_WHOLE_SUBTREE = 32


def sub_territories(
    tx: ManagedTransaction, id: str, *, recursive: bool, at: date | None
) -> list[dict[str, Any]]:
    """Children of territory ``id`` (or its whole subtree), each with its ``depth``."""
    result = tx.run(
        query("territories/children"), id=id, max_depth=_WHOLE_SUBTREE if recursive else 1, at=at
    )
    return [{**node_from_projection(r["territory"]), "depth": r["depth"]} for r in result]


def ancestors(tx: ManagedTransaction, id: str, *, at: date | None) -> list[dict[str, Any]]:
    """Territories that ``id`` is part of, nearest first, each with its ``distance``."""
    result = tx.run(query("territories/ancestors"), id=id, at=at)
    return [{**node_from_projection(r["territory"]), "distance": r["distance"]} for r in result]
