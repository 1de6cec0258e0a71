"""Reads and writes behind imports and exports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.repositories.cypher import query
from graph_service.repositories.database import Database, to_native, to_neo4j

#: Rows per UNWIND: large enough to amortise round trips, small enough for the heap.
BATCH_SIZE = 5_000

T = TypeVar("T")


def batches(rows: list[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    """``rows`` in consecutive slices of ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def candidates_by_name(
    tx: ManagedTransaction, queries: list[dict[str, str]]
) -> list[dict[str, Any]]:
    result = []
    for batch in batches(queries):
        result += [
            record.data() for record in tx.run(query("imports/find_by_names"), queries=batch)
        ]
    return result


def graph_counts(tx: ManagedTransaction) -> tuple[int, int]:
    """(nodes other than the seeded SDGs, relationships), from Neo4j's counts."""
    record = tx.run(query("imports/graph_counts")).single(strict=True)
    return int(record["nodes"]), int(record["relationships"])


def all_node_labels(tx: ManagedTransaction) -> dict[str, set[str]]:
    """Every node's labels by id (for a graph known to be tiny)."""
    return {
        record["id"]: set(record["labels"]) for record in tx.run(query("imports/all_node_labels"))
    }


def relationship_ends(tx: ManagedTransaction, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for batch in batches(ids):
        for rel_type in RelationshipType:
            text = query("imports/relationship_ends", rel_type=rel_type)
            for record in tx.run(text, ids=batch):
                found[record["id"]] = to_native(record.data())
    return found


def existing_nodes(tx: ManagedTransaction, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for batch in batches(ids):
        for record in tx.run(query("imports/existing_nodes"), ids=batch):
            found[record["id"]] = to_native(record.data())
    return found


def _created_apart(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the rows the import's plan creates, the others)."""
    created = [row for row in rows if row.get("created")]
    return created, [row for row in rows if not row.get("created")]


def merge_nodes(tx: ManagedTransaction, labels: tuple[str, ...], rows: list[dict[str, Any]]) -> int:
    """Rows as an import stages them, plain values already: no conversion pass over
    every value before sending (a few percent of a large import's time).  Rows the
    plan creates (``created``) are created without a lookup first: a 20,000-actor
    import's writes took 2.7 s so, 3.2 s all merged."""
    node_labels = [NodeLabel(label) for label in labels]
    created, others = _created_apart(rows)
    written = 0
    for name, part in (("imports/create_nodes", created), ("imports/merge_nodes", others)):
        text = query(name, labels=node_labels)
        written += sum(
            tx.run(text, rows=batch).single(strict=True)["written"] for batch in batches(part)
        )
    return written


def merge_relationships(tx: ManagedTransaction, rel_type: str, rows: list[dict[str, Any]]) -> int:
    """Rows with plain values, like :func:`merge_nodes`; those the plan creates are
    created without looking at the ties already between their ends."""
    created, others = _created_apart(rows)
    written = 0
    for name, part in (
        ("imports/create_relationships", created),
        ("imports/merge_relationships", others),
    ):
        text = query(name, rel_type=RelationshipType(rel_type))
        written += sum(
            tx.run(text, rows=batch).single(strict=True)["written"] for batch in batches(part)
        )
    return written


def export_nodes(
    tx: ManagedTransaction, ids: list[str] | None, *, hide_persons: bool = False
) -> Iterator[dict[str, Any]]:
    """Nodes as the result streams in (consume inside the transaction)."""
    for record in tx.run(query("exports/nodes"), ids=ids, hide_persons=hide_persons):
        yield {
            "labels": [label for label in record["labels"] if label != "Entity"],
            "properties": to_native(record["properties"]),
        }


def export_relationships(
    tx: ManagedTransaction, ids: list[str] | None, at: date | None, *, hide_persons: bool = False
) -> Iterator[dict[str, Any]]:
    """Relationships as the result streams in (consume inside the transaction)."""
    for record in tx.run(query("exports/relationships"), ids=ids, at=at, hide_persons=hide_persons):
        yield {
            "type": record["type"],
            "from": record["from_id"],
            "to": record["to_id"],
            "properties": to_native(record["properties"]),
        }


def delete_nodes(tx: ManagedTransaction, ids: list[str]) -> None:
    for batch in batches(ids):
        tx.run(query("imports/delete_nodes"), ids=batch).consume()


def restore_nodes(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    for batch in batches(rows):
        tx.run(query("imports/restore_nodes"), rows=to_neo4j(batch)).consume()


def delete_relationships(tx: ManagedTransaction, ids: list[str]) -> None:
    for batch in batches(ids):
        tx.run(query("imports/delete_relationships"), ids=batch).consume()


def restore_relationships(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    for batch in batches(rows):
        tx.run(query("imports/restore_relationships"), rows=to_neo4j(batch)).consume()


def part_of_above(tx: ManagedTransaction, ids: list[str]) -> list[tuple[str, str]]:
    """Stored PART_OF ties above these nodes (see ``imports/part_of_above``)."""
    return [
        (record["from_id"], record["to_id"])
        for batch in batches(ids)
        for record in tx.run(query("imports/part_of_above"), ids=batch)
    ]


def fill_empty_lists(
    database: Database,
    node_lists: Iterable[tuple[tuple[str, ...], str]],
    relationship_lists: Iterable[tuple[str, str]],
) -> None:
    """Set the empty lists a bulk load could not write (each in committed batches,
    so in an auto-commit transaction)."""
    with database.driver.session(database=database.connection.database) as session:
        for labels, key in sorted(node_lists):
            text = query(
                "imports/fill_empty_node_lists", labels=[NodeLabel(label) for label in labels]
            )
            session.run(text, key=key, empty={key: []}).consume()
        for rel_type, key in sorted(relationship_lists):
            text = query(
                "imports/fill_empty_relationship_lists", rel_type=RelationshipType(rel_type)
            )
            session.run(text, key=key, empty={key: []}).consume()
