"""Accounts and API keys (labels ``MaillageAccount`` and ``MaillageApiKey``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query
from graph_service.repositories.database import to_native


def count_accounts(tx: ManagedTransaction) -> int:
    return int(tx.run(query("accounts/count")).single(strict=True)["accounts"])


def add_account(tx: ManagedTransaction, name: str, role: str) -> dict[str, Any]:
    record = tx.run(query("accounts/add"), name=name, role=role).single(strict=True)
    return dict(to_native(record["account"]))


def list_accounts(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return [
        {**to_native(r["account"]), "active_keys": r["active_keys"]}
        for r in tx.run(query("accounts/list"))
    ]


def create_key(
    tx: ManagedTransaction,
    *,
    account: str,
    id: str,
    hash: str,
    sensitive: bool,
    expires_at: datetime | None,
    label: str | None,
) -> dict[str, Any] | None:
    record = tx.run(
        query("accounts/create_key"),
        account=account,
        id=id,
        hash=hash,
        sensitive=sensitive,
        expires_at=expires_at,
        label=label,
    ).single()
    return _without_hash(record["key"]) if record else None


def get_key(tx: ManagedTransaction, id: str) -> tuple[dict[str, Any], str] | None:
    """The stored key (hash included) and its account's role."""
    record = tx.run(query("accounts/get_key"), id=id).single()
    if record is None:
        return None
    return dict(to_native(record["key"])), str(record["role"])


def list_keys(tx: ManagedTransaction, account: str | None) -> list[dict[str, Any]]:
    return [_without_hash(r["key"]) for r in tx.run(query("accounts/list_keys"), account=account)]


def revoke_key(tx: ManagedTransaction, id: str) -> dict[str, Any] | None:
    record = tx.run(query("accounts/revoke_key"), id=id).single()
    return _without_hash(record["key"]) if record else None


def _without_hash(key: Any) -> dict[str, Any]:
    found = dict(to_native(key))
    found.pop("hash", None)
    return found
