"""The Graph Data Science engine: betweenness, Louvain, Leiden and node similarity
computed inside Neo4j.

The scope's actors and ties are projected into a GDS in-memory graph under a name
of this request's own, the algorithm streams its results back by actor id (or, for
a large scope's brokers, keeps them in the graph and only the top rows are read),
and the graph is dropped whatever happens.  Only the results cross to Python.
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


def communities(
    database: Database, name: str, config: dict[str, Any], *, leiden: bool
) -> list[tuple[int, str, int]]:
    """GDS Louvain (or Leiden) community of every actor of graph ``name``: its GDS
    node id, its id, its community."""
    return _stream(
        database,
        query("analyses/gds_leiden" if leiden else "analyses/gds_louvain"),
        name,
        config,
        lambda record: (int(record["node"]), record["id"], int(record["community"])),
    )


def ties(database: Database, name: str) -> list[tuple[int, int, float]]:
    """Every tie of graph ``name`` once: the GDS node ids of its ends, its weight."""

    def work(tx: ManagedTransaction) -> list[tuple[int, int, float]]:
        rows = tx.run(query("analyses/gds_ties"), name=name)
        return [(int(r["source"]), int(r["target"]), float(r["weight"])) for r in rows]

    return database.write(work)


def size(database: Database, name: str) -> tuple[int, int]:
    """Actors and (undirected) ties of graph ``name``."""

    def work(tx: ManagedTransaction) -> tuple[int, int]:
        record = tx.run(query("analyses/gds_size"), name=name).single(strict=True)
        return int(record["nodes"]), int(record["ties"])

    return database.write(work)


def top_betweenness(
    database: Database, name: str, config: dict[str, Any], top: int
) -> list[tuple[str, float]]:
    """The ``top`` highest raw GDS betweenness scores of graph ``name``, highest first,
    and every score equal to the last of them (so that ties can be ordered by id as
    the Python engine orders them); the other scores stay in the database."""
    mutate = query("analyses/gds_top_betweenness")
    ranked = query("analyses/gds_ranked")

    def score(tx: ManagedTransaction) -> None:
        tx.run(mutate, name=name, config={**config, "mutateProperty": "betweenness"}).consume()

    def read(floor: float, limit: int) -> list[tuple[str, float]]:
        def rows(tx: ManagedTransaction) -> list[tuple[str, float]]:
            found = tx.run(ranked, name=name, property="betweenness", floor=floor, limit=limit)
            return [(record["id"], float(record["score"])) for record in found]

        return database.write(rows)

    database.write(score)
    first = read(-1.0, top)
    if len(first) < top:
        return first
    # Equal scores at the cut: read them all (bounded: an all-zero tail of a huge
    # graph is not worth listing), with a hair of margin for floating-point noise.
    return read(first[-1][1] * (1 - 1e-9), top + TIE_ROWS)


#: At most this many actors tied at the last rank are read to order them by id.
TIE_ROWS = 10_000


def similar_to(
    database: Database, name: str, actor: str, config: dict[str, Any]
) -> list[tuple[str, float]]:
    """GDS node similarity of ``actor`` with the actors of graph ``name``: (id, score)."""

    def work(tx: ManagedTransaction) -> list[tuple[str, float]]:
        found = tx.run(query("analyses/gds_similar_to"), name=name, actor=actor, config=config)
        return [(record["id"], float(record["score"])) for record in found]

    return database.write(work)


def similar_pairs(
    database: Database, name: str, config: dict[str, Any]
) -> list[tuple[str, str, float]]:
    """The most similar pairs of graph ``name`` by GDS node similarity, each once:
    (id, id, score), the first id the smaller."""
    return _stream(
        database,
        query("analyses/gds_similar_pairs"),
        name,
        config,
        lambda record: (record["a"], record["b"], float(record["score"])),
    )
