"""What a backup reads besides the graph, and what a restore writes back."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query
from graph_service.repositories.database import Database, to_native

#: The query that restores each of Maillage's own labels.
RESTORE_QUERIES = {
    "MaillageAccount": "backup/restore_accounts",
    "MaillageApiKey": "backup/restore_keys",
    "MaillageAudit": "backup/restore_audit",
}


def internal_records(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return [
        {"label": r["label"], "properties": to_native(r["properties"])}
        for r in tx.run(query("backup/internal_nodes"))
    ]


def graph_size(tx: ManagedTransaction) -> tuple[int, int]:
    record = tx.run(query("backup/graph_size")).single(strict=True)
    return int(record["nodes"]), int(record["relationships"])


def restore_internal(tx: ManagedTransaction, label: str, rows: list[dict[str, Any]]) -> int:
    record = tx.run(query(RESTORE_QUERIES[label]), rows=rows).single(strict=True)
    return int(record["restored"])


def clear_graph(database: Database) -> None:
    """In an auto-commit transaction: the delete runs in committed batches."""
    with database.driver.session(database=database.connection.database) as session:
        session.run(query("backup/clear_graph")).consume()
