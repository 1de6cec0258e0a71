"""Relationships: typed, temporal, with provenance."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction, Record

from graph_service.domain.enums import RelationshipType
from graph_service.repositories.cypher import query
from graph_service.repositories.database import to_native, to_neo4j


def relationship_from(item: dict[str, Any] | Record) -> dict[str, Any]:
    """A stored relationship as the service returns it: its properties plus
    ``type``, ``from_id`` and ``to_id``."""
    return {
        **to_native(dict(item["rel"])),
        "type": item["type"],
        "from_id": item["from_id"],
        "to_id": item["to_id"],
    }


def _single(record: Record | None) -> dict[str, Any] | None:
    return None if record is None else relationship_from(record)


def create_relationship(
    tx: ManagedTransaction,
    rel_type: RelationshipType,
    from_id: str,
    to_id: str,
    props: dict[str, Any],
) -> dict[str, Any] | None:
    """The created relationship, or None when an endpoint does not exist."""
    result = tx.run(
        query("relationships/create", rel_type=rel_type),
        from_id=from_id,
        to_id=to_id,
        props=to_neo4j(props),
    )
    return _single(result.single())


def get_relationship(tx: ManagedTransaction, id: str) -> dict[str, Any] | None:
    return _single(tx.run(query("relationships/get"), id=id).single())


def relationship_exists(tx: ManagedTransaction, id: str) -> bool:
    """Whether some relationship, of any type, has this id."""
    return tx.run(query("relationships/get"), id=id).peek() is not None


def lock_relationship(tx: ManagedTransaction, id: str) -> bool:
    """Take the relationship's write lock (until the transaction ends); False if absent."""
    return tx.run(query("relationships/lock"), id=id).single() is not None


def update_relationship(
    tx: ManagedTransaction, id: str, changes: dict[str, Any]
) -> dict[str, Any] | None:
    return _single(tx.run(query("relationships/update"), id=id, changes=to_neo4j(changes)).single())


def delete_relationship(tx: ManagedTransaction, id: str) -> bool:
    record = tx.run(query("relationships/delete"), id=id).single(strict=True)
    return bool(record["deleted"])


def list_relationships(
    tx: ManagedTransaction,
    *,
    types: list[RelationshipType] | None,
    from_id: str | None,
    to_id: str | None,
    node_id: str | None,
    at: date | None,
    offset: int,
    limit: int,
    hide_persons: bool = False,
) -> tuple[int, int, list[dict[str, Any]]]:
    """``(total, hidden, items)``: ``hidden`` counts the ties left out because
    they touch a person (only when ``hide_persons``)."""
    record = tx.run(
        query("relationships/list"),
        hide_persons=hide_persons,
        types=[t.value for t in types] if types else None,
        from_id=from_id,
        to_id=to_id,
        node_id=node_id,
        at=at,
        offset=offset,
        limit=limit,
    ).single(strict=True)
    items = [relationship_from(item) for item in record["items"]]
    return record["total"], record["hidden"], items


def part_of_closes_loop(tx: ManagedTransaction, from_id: str, to_id: str) -> bool:
    """Whether ``from_id`` PART_OF ``to_id`` would make a node its own ancestor."""
    record = tx.run(query("relationships/part_of_loop"), {"from": from_id, "to": to_id}).single()
    return bool(record and record["loop"])
