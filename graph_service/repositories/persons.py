"""What stands for persons when the caller may not see them."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query


def pseudonym_rows(tx: ManagedTransaction, ids: list[str]) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query("persons/pseudonyms"), ids=ids)]
