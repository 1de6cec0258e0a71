"""The audit trail (label ``MaillageAudit``): appended to, read by admins, pruned."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query
from graph_service.repositories.database import to_native


def record_entry(tx: ManagedTransaction, entry: dict[str, Any]) -> str:
    return str(tx.run(query("audit/record"), **entry).single(strict=True)["id"])


def list_entries(
    tx: ManagedTransaction,
    *,
    who: str | None,
    action: str | None,
    outcome: str | None,
    since: datetime | None,
    until: datetime | None,
    offset: int,
    limit: int,
) -> tuple[int, list[dict[str, Any]]]:
    record = tx.run(
        query("audit/list"),
        who=who,
        action=action,
        outcome=outcome,
        since=since,
        until=until,
        offset=offset,
        limit=limit,
    ).single(strict=True)
    return int(record["total"]), [dict(to_native(e)) for e in record["entries"]]


def prune(tx: ManagedTransaction, before: datetime, batch: int) -> int:
    return int(
        tx.run(query("audit/prune"), before=before, batch=batch).single(strict=True)["removed"]
    )
