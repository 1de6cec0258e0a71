"""Reads behind the analysis projections (see :mod:`graph_service.projection`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph_service.repositories.cypher import ActorSelection, query
from graph_service.repositories.database import to_native

Period = tuple[date | None, date | None]


def _rows(tx: ManagedTransaction, name: str, **parameters: Any) -> list[dict[str, Any]]:
    return [to_native(record.data()) for record in tx.run(query(name), parameters)]


def actors_in_scope(
    tx: ManagedTransaction,
    *,
    territory: str | None,
    operation: str | None,
    spheres: list[str] | None,
    period: Period,
    ids: list[str] | None = None,
    attributes: bool = True,
) -> list[dict[str, Any]]:
    """Actors placed in a territory (subtree) and/or taking part in an operation;
    with ``ids``, only those of them (read by id, not by scanning the scope);
    without ``attributes``, their territories, frameworks, operations, issues and
    SDGs are left unread (empty)."""
    # Start from what is smallest: the ids, the territory's or operation's own
    # actors, else every actor; the scope's filters then apply to those.
    scope_territory = scope_operation = None
    if ids is not None:
        selection = ActorSelection.IDS
    elif territory is not None:
        selection = ActorSelection.TERRITORY
        scope_territory, territory = territory, None
    elif operation is not None:
        selection = ActorSelection.OPERATION
        scope_operation, operation = operation, None
    else:
        selection = ActorSelection.SCOPE
    # The rows hold text, numbers and lists of them, never a temporal value: no
    # conversion (a tenth of an allies request at national scale went into it).
    return [
        dict(zip(record.keys(), record.values(), strict=True))
        for record in tx.run(
            query("analyses/projection_actors", actors=selection),
            {
                "ids": ids,
                "scope_territory": scope_territory,
                "scope_operation": scope_operation,
                "attributes": attributes,
                "territory": territory,
                "operation": operation,
                "spheres": spheres,
                "from": period[0],
                "to": period[1],
            },
        )
    ]


def actors_around(
    tx: ManagedTransaction, actor: str, types: list[str], period: Period, large: int
) -> list[str] | None:
    """Ids of the actors a local analysis of ``actor`` needs (see the query); None
    when the actor does not exist."""
    parameters = {
        "actor": actor,
        "types": types,
        "large": large,
        "from": period[0],
        "to": period[1],
    }
    record = tx.run(query("analyses/actors_around"), parameters).single()
    return None if record is None else list(record["ids"])


def next_ring(
    tx: ManagedTransaction, ids: list[str], types: list[str], period: Period
) -> list[str]:
    """Ids of the actors tied to any of ``ids`` (one hop further out)."""
    parameters = {"ids": ids, "types": types, "from": period[0], "to": period[1]}
    record = tx.run(query("analyses/next_ring"), parameters).single()
    return [] if record is None else list(record["ids"])


def place_sizes(tx: ManagedTransaction, ids: list[str], period: Period) -> dict[str, int]:
    """Actors taking part in each framework or operation of ``ids`` (in the period)."""
    parameters = {"ids": ids, "from": period[0], "to": period[1]}
    return {
        record["id"]: int(record["members"])
        for record in tx.run(query("analyses/place_sizes"), parameters)
    }


def ties_among(
    tx: ManagedTransaction, ids: list[str], types: list[str], period: Period
) -> list[dict[str, Any]]:
    return _rows(
        tx, "analyses/projection_ties", ids=ids, types=types, **{"from": period[0], "to": period[1]}
    )


def shared_among(tx: ManagedTransaction, ids: list[str], period: Period) -> list[dict[str, Any]]:
    """Pairs of actors sharing frameworks or operations (derived ties)."""
    return _rows(tx, "analyses/projection_shared", ids=ids, **{"from": period[0], "to": period[1]})


def frameworks_in_scope(
    tx: ManagedTransaction, *, operation: str | None, territory: str | None, period: Period
) -> list[dict[str, Any]]:
    return _rows(
        tx,
        "analyses/frameworks_in_scope",
        operation=operation,
        territory=territory,
        **{"from": period[0], "to": period[1]},
    )


def territory_links(
    tx: ManagedTransaction, link_id: str | None, period: Period
) -> list[dict[str, Any]]:
    return _rows(tx, "analyses/territory_links", id=link_id, **{"from": period[0], "to": period[1]})


def operation_roles(tx: ManagedTransaction, operation: str) -> list[dict[str, Any]]:
    """Participations in an operation; empty when the operation does not exist."""
    return _rows(tx, "analyses/operation_roles", operation=operation)


def inside_ally_rows(
    tx: ManagedTransaction, target: str, causes: list[str], at: date | None
) -> list[dict[str, Any]]:
    return _rows(tx, "analyses/inside_allies", target=target, causes=causes, at=at)


def causes_of(tx: ManagedTransaction, actor: str) -> list[str] | None:
    record = tx.run(query("analyses/causes_of"), id=actor).single()
    return None if record is None else list(record["causes"])


def territory_places(tx: ManagedTransaction, ids: list[str]) -> list[dict[str, Any]]:
    """Territories with their geography and their ancestors' (maps)."""
    return _rows(tx, "analyses/territory_places", ids=ids)


def names_of(tx: ManagedTransaction, ids: list[str]) -> dict[str, str]:
    """id -> name of the nodes (persons excepted) among ``ids``."""
    return {row["id"]: row["name"] for row in _rows(tx, "analyses/names_of", ids=ids)}
