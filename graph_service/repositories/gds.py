"""The Graph Data Science engine: betweenness and Louvain computed inside Neo4j.

The scope's actors and ties are projected into a GDS in-memory graph under a name
of this request's own, the algorithm streams its results back by actor id, and the
graph is dropped whatever happens.  Only the results cross to Python.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import query
from graph_service.repositories.database import Database

T = TypeVar("T")
Period = tuple[date | None, date | None]


@contextmanager
def projected(
    database: Database,
    ids: list[str],
    types: list[str],
    weights: Mapping[str, float],
    period: Period,
) -> Iterator[str]:
    """A GDS graph of ``ids`` and their ties, dropped on leaving; yields its name."""
    name = f"maillage-{uuid.uuid4().hex}"
    parameters = {
        "name": name,
        "ids": ids,
        "types": types,
        "weights": dict(weights),
        "from": period[0],
        "to": period[1],
    }

    def project(tx: ManagedTransaction) -> None:
        tx.run(query("analyses/gds_project"), parameters).consume()

    # A projection writes nothing to the store, but it is a procedure GDS runs with
    # write access to its catalogue: the leader's session is the safe place for it.
    database.write(project)
    try:
        yield name
    finally:
        database.write(_drop, name)


def _drop(tx: ManagedTransaction, name: str) -> None:
    tx.run(query("analyses/gds_drop"), name=name).consume()


def _stream(
    database: Database, text: str, name: str, config: dict[str, Any], row: Callable[[Any], T]
) -> list[T]:
    def work(tx: ManagedTransaction) -> list[T]:
        return [row(record) for record in tx.run(text, name=name, config=config)]

    return database.write(work)


def betweenness(database: Database, name: str, config: dict[str, Any]) -> dict[str, float]:
    """Raw GDS betweenness of every actor of graph ``name``."""
    rows = _stream(
        database,
        query("analyses/gds_betweenness"),
        name,
        config,
        lambda record: (record["id"], float(record["score"])),
    )
    return dict(rows)


def louvain(database: Database, name: str, config: dict[str, Any]) -> dict[str, int]:
    """GDS Louvain community of every actor of graph ``name``."""
    rows = _stream(
        database,
        query("analyses/gds_louvain"),
        name,
        config,
        lambda record: (record["id"], int(record["community"])),
    )
    return dict(rows)
