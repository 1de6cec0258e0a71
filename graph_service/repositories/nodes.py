"""Nodes: create, read, update, delete and list, one label at a time."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from neo4j import ManagedTransaction, Record

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.repositories.cypher import query
from graph_service.repositories.database import to_native, to_neo4j

#: Labels every domain node has for bookkeeping; not shown to API users.
_INTERNAL_LABELS = {"Entity"}


def node_from(node: dict[str, Any], labels: list[str]) -> dict[str, Any]:
    """A stored node as the service returns it: properties plus domain labels."""
    public: dict[str, Any] = to_native(dict(node))
    public["labels"] = sorted(label for label in labels if label not in _INTERNAL_LABELS)
    return public


def node_from_projection(item: dict[str, Any]) -> dict[str, Any]:
    """A node projected as ``n {.*, labels: labels(n)}`` in Cypher."""
    return node_from({k: v for k, v in item.items() if k != "labels"}, item["labels"])


def _single(record: Record | None) -> dict[str, Any] | None:
    return None if record is None else node_from(record["node"], record["labels"])


def create_node(tx: ManagedTransaction, label: NodeLabel, props: dict[str, Any]) -> dict[str, Any]:
    record = tx.run(query("nodes/create", label=label), props=to_neo4j(props)).single(strict=True)
    created = _single(record)
    assert created is not None
    return created


def add_framework_to_actor(
    tx: ManagedTransaction, id: str, props: dict[str, Any]
) -> dict[str, Any] | None:
    return _single(
        tx.run(query("nodes/add_framework_to_actor"), id=id, props=to_neo4j(props)).single()
    )


def get_node(tx: ManagedTransaction, label: NodeLabel, id: str) -> dict[str, Any] | None:
    return _single(tx.run(query("nodes/get", label=label), id=id).single())


def lock_node(tx: ManagedTransaction, label: NodeLabel, id: str) -> bool:
    """Take the node's write lock (held until the transaction ends); False if absent."""
    return tx.run(query("nodes/lock", label=label), id=id).single() is not None


def update_node(
    tx: ManagedTransaction, label: NodeLabel, id: str, changes: dict[str, Any]
) -> dict[str, Any] | None:
    result = tx.run(query("nodes/update", label=label), id=id, changes=to_neo4j(changes))
    return _single(result.single())


def delete_node(
    tx: ManagedTransaction, label: NodeLabel, id: str, force: bool
) -> tuple[int, bool] | None:
    """``(degree, deleted)``, or None when there is no such node."""
    record = tx.run(query("nodes/delete", label=label), id=id, force=force).single()
    return None if record is None else (record["degree"], record["deleted"])


def labels_by_id(tx: ManagedTransaction, ids: list[str]) -> dict[str, set[str] | None]:
    """The labels of each id (None for an id that names no node)."""
    return {
        record["id"]: None if record["labels"] is None else set(record["labels"])
        for record in tx.run(query("nodes/labels_by_id"), ids=ids)
    }


def list_nodes(
    tx: ManagedTransaction,
    label: NodeLabel,
    placement: tuple[RelationshipType, ...],
    *,
    equals: dict[str, Any],
    ids: list[str] | None,
    territory: str | None,
    at: date | None,
    offset: int,
    limit: int,
) -> tuple[int, list[dict[str, Any]]]:
    record = tx.run(
        query("nodes/list", label=label, placement=placement or (RelationshipType.PART_OF,)),
        equals=to_neo4j(equals),
        ids=ids,
        territory=territory,
        at=at,
        offset=offset,
        limit=limit,
    ).single(strict=True)
    return record["total"], [node_from_projection(item) for item in record["items"]]


# Lucene's query syntax gives these characters a meaning; user text must not.
_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


def _lucene_words(text: str) -> list[str]:
    """Words of ``text`` folded as the index folds them, with Lucene syntax removed."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    cleaned = "".join(" " if c in _LUCENE_SPECIAL else c for c in folded)
    return [w for w in cleaned.split() if w not in ("and", "or", "not")]


def fulltext_query(text: str) -> str | None:
    """A Lucene query matching every word of ``text`` as a word or a prefix,
    accents folded as the index folds them.  None when no word is left.

    >>> fulltext_query("Coopérative du Nord")
    '(cooperative OR cooperative*) AND (du OR du*) AND (nord OR nord*)'
    >>> fulltext_query('"(*') is None
    True
    """
    words = _lucene_words(text)
    if not words:
        return None
    return " AND ".join(f"({w} OR {w}*)" for w in words)


def fulltext_phrase(text: str) -> str | None:
    """A Lucene phrase query for ``text`` (the words in order), or None.

    >>> fulltext_phrase("Conseil régional (Kayes)")
    '"conseil regional kayes"'
    """
    words = _lucene_words(text)
    return '"' + " ".join(words) + '"' if words else None


def search_ids(
    tx: ManagedTransaction, label: NodeLabel, text: str, limit: int = 10_000
) -> list[str]:
    lucene = fulltext_query(text)
    if lucene is None:
        return []
    return [
        r["id"]
        for r in tx.run(query("nodes/search_ids"), search=lucene, label=label.value, limit=limit)
    ]


def reference_candidates(
    tx: ManagedTransaction, label: NodeLabel, text: str, limit: int = 20
) -> list[dict[str, Any]]:
    """Nodes of ``label`` whose id is ``text``, else whose names or aliases hold
    every word of it (as a word or a prefix): what a person may have meant."""
    found = get_node(tx, label, text)
    if found is not None:
        return [{"id": found["id"], "name": found.get("name"), "aliases": [], "by_id": True}]
    lucene = fulltext_query(text)
    if lucene is None:
        return []
    result = tx.run(query("nodes/candidates"), search=lucene, label=label.value, limit=limit)
    return [{**record.data(), "by_id": False} for record in result]


def list_sdgs(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return [node_from_projection(r["sdg"]) for r in tx.run(query("sdgs/list"))]


def get_sdg(tx: ManagedTransaction, number: int) -> dict[str, Any] | None:
    record = tx.run(query("sdgs/get"), number=number).single()
    return None if record is None else node_from_projection(record["sdg"])
