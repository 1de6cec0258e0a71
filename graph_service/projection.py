"""The projection: the only way analyses read data (Neo4j -> networkx).

A user chooses a scope (a territory with its sub-territories, an operation or
programme with its sub-operations, spheres), a date or a period, which
relationship types count as ties and how much each weighs.  Ties derived from
co-attendance (two actors in the same dialogue framework or operation) are left
out by default, or given a low weight: on the seeds' own data a single workshop
otherwise makes everybody a broker.

The result is an undirected weighted :class:`networkx.Graph` whose nodes are
actor ids with their attributes (``name``, ``sphere``, ``side``, ``territory``,
``level``…) and whose edges carry ``weight`` (tie strength: higher is closer),
``distance`` (1/weight, for shortest paths), ``types`` and dates.  Conflictual
ties (``OPPOSES``) are never edges: they are listed in ``graph.graph["conflicts"]``,
with their kind (conflict, power relation…) in ``graph.graph["conflict_kinds"]``.
Nodes and edges keep their provenance (``source``, ``source_ref``) for maps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
from neo4j import ManagedTransaction

from graph_service.domain.enums import RelationshipType
from graph_service.repositories import projection as repo
from graph_service.repositories.database import Database

#: Types that make a tie between two actors by default.
DEFAULT_RELATIONS: tuple[RelationshipType, ...] = (
    RelationshipType.COOPERATES_WITH,
    RelationshipType.FUNDS,
    RelationshipType.MEMBER_OF,
)
#: Types that may be chosen as ties (actor to actor).
TIE_TYPES: frozenset[RelationshipType] = frozenset(
    {
        RelationshipType.COOPERATES_WITH,
        RelationshipType.FUNDS,
        RelationshipType.MEMBER_OF,
        RelationshipType.KNOWS,
        RelationshipType.INSPIRED_BY,
    }
)

#: Countries counted as "North" for the North/South partition unless configured:
#: the EU, the rest of western Europe, North America, Japan, Korea, Oceania.
DEFAULT_NORTH: frozenset[str] = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "GB",
        "CH",
        "NO",
        "IS",
        "LI",
        "MC",
        "AD",
        "SM",
        "US",
        "CA",
        "JP",
        "KR",
        "AU",
        "NZ",
    ]
)


@dataclass(frozen=True)
class ProjectionOptions:
    """What to project.  Every field has a default that analyses can report."""

    territory: str | None = None
    operation: str | None = None
    spheres: tuple[str, ...] = ()
    at: date | None = None
    period: tuple[date | None, date | None] | None = None
    relations: tuple[RelationshipType, ...] = DEFAULT_RELATIONS
    weights: Mapping[RelationshipType, float] = field(default_factory=dict)
    #: Weight of a derived tie per shared framework or operation; 0 leaves them out.
    shared_weight: float = 0.0
    north_countries: frozenset[str] = DEFAULT_NORTH

    def __post_init__(self) -> None:
        unknown = set(self.relations) - TIE_TYPES
        if unknown:
            raise ValueError(f"not actor-to-actor tie types: {sorted(unknown)}")
        if self.at is not None and self.period is not None:
            raise ValueError("give either a date (at) or a period, not both")
        if any(weight < 0 for weight in self.weights.values()) or self.shared_weight < 0:
            raise ValueError("weights must not be negative")

    @property
    def window(self) -> tuple[date | None, date | None]:
        """The period ties must overlap: ``[at, at]`` for a date; open when unset."""
        if self.at is not None:
            return self.at, self.at
        return self.period or (None, None)

    def describe(self) -> dict[str, Any]:
        """The parameters as reported in every analysis result."""
        return {
            "territory": self.territory,
            "operation": self.operation,
            "spheres": list(self.spheres),
            "at": self.at.isoformat() if self.at else None,
            "period": [d.isoformat() if d else None for d in self.period] if self.period else None,
            "relations": [r.value for r in self.relations],
            "weights": {r.value: self.weights.get(r, 1.0) for r in self.relations},
            "shared_weight": self.shared_weight,
        }


def side_of(country: str | None, north: frozenset[str] = DEFAULT_NORTH) -> str:
    """``north``, ``south`` or ``unknown`` (no country).

    >>> side_of("FR"), side_of("ML"), side_of(None)
    ('north', 'south', 'unknown')
    """
    if not country:
        return "unknown"
    return "north" if country in north else "south"


def tie_weight(type_weight: float, strength: int | None) -> float:
    """Weight of one tie: its type's weight scaled by its strength (1–3; 2 when unknown).

    >>> tie_weight(1.0, None), tie_weight(1.0, 3), tie_weight(0.5, 1)
    (1.0, 1.5, 0.25)
    """
    return type_weight * (strength if strength is not None else 2) / 2


def actor_attributes(actor: Mapping[str, Any], options: ProjectionOptions) -> dict[str, Any]:
    """An analysis graph's node attributes for an actor row of the scope."""
    return {
        "name": actor.get("name") or actor["id"],
        "sphere": actor.get("sphere") or "unknown",
        "nature": actor.get("nature"),
        "country": actor.get("country"),
        "side": side_of(actor.get("country"), options.north_countries),
        "territory": actor.get("home") or "unknown",
        "level": actor.get("home_level") or "unknown",
        "territories": frozenset(actor.get("territories") or ()),
        "frameworks": frozenset(actor.get("frameworks") or ()),
        "operations": frozenset(actor.get("operations") or ()),
        "issues": frozenset(actor.get("issues") or ()),
        "sdgs": frozenset(actor.get("sdgs") or ()),
        "home_name": actor.get("home_name"),
        "source": actor.get("source"),
        "source_ref": actor.get("source_ref"),
    }


def build_graph(
    actors: Iterable[Mapping[str, Any]],
    ties: Iterable[Mapping[str, Any]],
    shared: Iterable[Mapping[str, Any]],
    options: ProjectionOptions,
) -> nx.Graph:
    """Assemble the analysis graph from rows (pure: no database)."""
    graph = nx.Graph(parameters=options.describe(), conflicts=set(), conflict_kinds={})
    for actor in actors:
        graph.add_node(actor["id"], **actor_attributes(actor, options))
    for tie in ties:
        source, target = tie["source"], tie["target"]
        if source not in graph or target not in graph or source == target:
            continue
        rel_type = RelationshipType(tie["type"])
        if rel_type is RelationshipType.OPPOSES:
            conflict = frozenset((source, target))
            graph.graph["conflicts"].add(conflict)
            graph.graph["conflict_kinds"][conflict] = tie.get("kind") or "conflict"
            continue
        weight = tie_weight(options.weights.get(rel_type, 1.0), tie.get("strength"))
        if weight <= 0:
            continue
        _add_tie(graph, source, target, weight, rel_type.value, tie)
    if options.shared_weight > 0:
        for pair in shared:
            if pair["source"] in graph and pair["target"] in graph:
                weight = options.shared_weight * pair["shared"]
                _add_tie(graph, pair["source"], pair["target"], weight, "SHARED", {})
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return graph


def _add_tie(
    graph: nx.Graph, source: str, target: str, weight: float, kind: str, tie: Mapping[str, Any]
) -> None:
    """Several ties between one pair make one edge: the strongest weight, every type,
    the earliest start (a long-standing tie is a trusted one), the latest end (open
    when any is open) and every cited source line."""
    since, until, ref = tie.get("valid_from"), tie.get("valid_to"), tie.get("source_ref")
    if graph.has_edge(source, target):
        data = graph.edges[source, target]
        data["weight"] = max(data["weight"], weight)
        data["types"] = sorted({*data["types"], kind})
        if since is not None and (data["since"] is None or since < data["since"]):
            data["since"] = since
        if data["until"] is not None and (until is None or until > data["until"]):
            data["until"] = until
        if ref and ref not in data["sources"]:
            data["sources"] = [*data["sources"], ref]
    else:
        graph.add_edge(
            source,
            target,
            weight=weight,
            types=[kind],
            since=since,
            until=until,
            sources=[ref] if ref else [],
        )


def _actors_in(
    tx: ManagedTransaction,
    options: ProjectionOptions,
    territory: str | None = None,
    operation: str | None = None,
    *,
    ids: list[str] | None = None,
    attributes: bool = True,
) -> list[dict[str, Any]]:
    """The scope's actors; with ``ids``, only those of them (the options' own
    territory and operation then apply); without ``attributes``, who they are only
    (no territories, frameworks, operations, issues or SDGs)."""
    if ids is not None:
        territory, operation = options.territory, options.operation
    return repo.actors_in_scope(
        tx,
        territory=territory,
        operation=operation,
        spheres=list(options.spheres) or None,
        period=options.window,
        ids=ids,
        attributes=attributes,
    )


def _graph_of(
    tx: ManagedTransaction,
    actors: Iterable[Mapping[str, Any]],
    options: ProjectionOptions,
    *,
    place_sizes: bool = False,
) -> nx.Graph:
    """The analysis graph of ``actors``: their ties (and conflicts, and derived
    ties when weighted) read in the caller's transaction.  With ``place_sizes``,
    ``graph.graph["place_sizes"]`` also holds how many actors each of their
    territories, frameworks and operations holds in the database (within the
    dates), whatever part of it the graph holds: the allies analysis needs it, the
    others do not pay for it."""
    actors = list(actors)
    ids = [actor["id"] for actor in actors]
    tie_types = [r.value for r in options.relations] + [RelationshipType.OPPOSES.value]
    ties = repo.ties_among(tx, ids, tie_types, options.window)
    shared = repo.shared_among(tx, ids, options.window) if options.shared_weight > 0 else []
    graph = build_graph(actors, ties, shared, options)
    if place_sizes:
        places = sorted(
            {
                place
                for actor in actors
                for attribute in ("territories", "frameworks", "operations")
                for place in (actor.get(attribute) or ())
            }
        )
        graph.graph["place_sizes"] = repo.place_sizes(tx, places, options.window) if places else {}
    return graph


def project(
    database: Database, options: ProjectionOptions, *, place_sizes: bool = False
) -> nx.Graph:
    """Read the scope from Neo4j (one transaction) and build the analysis graph
    (with the database's place sizes when asked: see :func:`_graph_of`)."""

    def work(tx: ManagedTransaction) -> nx.Graph:
        actors = _actors_in(tx, options, options.territory, options.operation)
        return _graph_of(tx, actors, options, place_sizes=place_sizes)

    return database.read(work)


def scope_actors(database: Database, options: ProjectionOptions) -> list[dict[str, Any]]:
    """The scope's actors as rows, who they are only (no places, issues or SDGs) and
    none of their ties: what an analysis run in the database needs to know of them."""

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        return _actors_in(tx, options, options.territory, options.operation, attributes=False)

    return database.read(work)


def _walk_rings(
    tx: ManagedTransaction,
    start: list[str],
    options: ProjectionOptions,
    rings: int,
    *,
    budget: float = math.inf,
    within: set[str] | None = None,
) -> tuple[set[str], int, bool]:
    """The actors up to ``rings`` ties from ``start`` (over the projection's tie types
    and dates), ring by ring, only through actors ``within`` when given, and no ring
    further once ``budget`` actors are held.  Returns them (``start`` included), how
    many rings were walked, and whether the walk closed (a ring found no one new)."""
    types = [r.value for r in options.relations]
    seen = set(start)
    frontier = list(start)
    done = 0
    while frontier and done < rings and len(seen) < budget:
        found = repo.next_ring(tx, frontier, types, options.window)
        frontier = [id for id in found if id not in seen and (within is None or id in within)]
        seen.update(frontier)
        done += 1
    return seen, done, not frontier


def project_surroundings(
    database: Database,
    options: ProjectionOptions,
    ids: list[str],
    rings: int,
    scope: set[str],
) -> nx.Graph:
    """The actors ``ids``, those up to ``rings`` ties away from them within the scope
    (whose actors are ``scope``), and every tie among them: enough for measures that
    only look around an actor (its constraint and effective size need its partners'
    own ties: two rings)."""

    def work(tx: ManagedTransaction) -> nx.Graph:
        # Never through an actor outside the scope: a national hub would bring its
        # whole membership into a région's surroundings.
        seen, _, _ = _walk_rings(tx, ids, options, rings, within=scope)
        actors = _actors_in(tx, options, ids=sorted(seen), attributes=False)
        return _graph_of(tx, actors, options)

    return database.read(work)


def project_around(
    database: Database, options: ProjectionOptions, actor: str, large_place: int
) -> nx.Graph:
    """The part of the scope an analysis of one actor reads: the actor, the actors
    within two hops of it and those sharing a territory, framework, operation, issue
    or SDG with it (the same scope filters and dates as :func:`project`), with every
    tie among them.  Possible allies computed on it are those computed on the whole
    scope: a shared partner is one hop away and all its ties are in the graph, and
    an actor further away can only score through what it shares, so it is here too.
    Co-members of a framework or operation larger than ``large_place`` are not read
    for that reason alone (they are not candidates for it).  Derived co-attendance
    ties are not followed: with ``shared_weight`` above zero, use :func:`project`.
    An actor outside the scope gives a graph without it."""

    def work(tx: ManagedTransaction) -> nx.Graph:
        types = [r.value for r in options.relations]
        ids = repo.actors_around(tx, actor, types, options.window, large_place) or []
        return _graph_of(tx, _actors_in(tx, options, ids=ids), options, place_sizes=True)

    return database.read(work)


@dataclass
class Rings:
    """Actors around some actors, ring by ring (see :func:`project_rings`)."""

    graph: nx.Graph
    #: How many rings were read around them.
    radius: int
    #: True when no actor lies beyond the last ring: their whole components.
    closed: bool


def project_rings(
    database: Database,
    options: ProjectionOptions,
    start: Sequence[str],
    *,
    radius: int,
    budget: int,
) -> Rings:
    """The actors within ``radius`` hops of any of ``start`` (over the projection's
    tie types and dates; the scope filters then apply), with every tie among them,
    who they are but not their attributes; no further once the rings hold ``budget``
    actors.  Every path of at most ``2 * radius`` ties between two of ``start`` is in
    the graph: each of its actors is at most ``radius`` hops from one end or the
    other; and every partner of an actor ``radius - 1`` hops away is in it."""

    def work(tx: ManagedTransaction) -> Rings:
        seen, done, closed = _walk_rings(tx, list(start), options, radius, budget=budget)
        graph = _graph_of(tx, _actors_in(tx, options, ids=sorted(seen), attributes=False), options)
        return Rings(graph, done, closed=closed)

    return database.read(work)


def project_double_space(
    database: Database, link_id: str, options: ProjectionOptions
) -> tuple[dict[str, Any], nx.Graph] | None:
    """The two sides of a ``LINKED_TO`` link: actors placed in the *ici* territory
    (with its sub-territories) and in the *là-bas* one, and every tie among them.
    Nodes get ``space``: ``here``, ``there`` or ``both``.  None for an unknown link."""

    def work(tx: ManagedTransaction) -> tuple[dict[str, Any], nx.Graph] | None:
        links = repo.territory_links(tx, link_id, (None, None))
        if not links:
            return None
        link = links[0]
        sides: dict[str, set[str]] = {}
        actors: dict[str, dict[str, Any]] = {}
        for space in ("here", "there"):
            for actor in _actors_in(tx, options, link[space], None):
                actors[actor["id"]] = actor
                sides.setdefault(actor["id"], set()).add(space)
        graph = _graph_of(tx, (actors[id] for id in sorted(actors)), options)
        for node, spaces in sides.items():
            graph.nodes[node]["space"] = "both" if len(spaces) == 2 else next(iter(spaces))
        return link, graph

    return database.read(work)


def project_frameworks(database: Database, options: ProjectionOptions) -> nx.DiGraph:
    """Dialogue frameworks of an operation or territory, as a directed graph:
    framework nodes (``kind="framework"``, with ``level``) with ``PART_OF`` and
    ``SUCCEEDED_BY`` edges between them, and participant nodes (``kind="actor"``
    or ``"person"``) with ``PARTICIPATES_IN`` edges to the frameworks."""
    rows = database.read(
        repo.frameworks_in_scope,
        operation=options.operation,
        territory=options.territory,
        period=options.window,
    )
    graph = nx.DiGraph(parameters=options.describe())
    for row in rows:
        graph.add_node(
            row["id"],
            kind="framework",
            name=row["name"] or row["id"],
            level=row["level"] or "unknown",
            type=row["type"],
            formality=row["formality"],
            source=row.get("source"),
            source_ref=row.get("source_ref"),
        )
    for row in rows:
        for parent in row["parents"]:
            if parent in graph:
                graph.add_edge(row["id"], parent, type="PART_OF")
        for successor in row["successors"]:
            if successor in graph:
                graph.add_edge(row["id"], successor, type="SUCCEEDED_BY")
        for participant in row["participants"]:
            if participant["id"] not in graph:
                graph.add_node(
                    participant["id"],
                    kind=participant["kind"].lower(),
                    name=participant["name"] or participant["id"],
                )
            graph.add_edge(
                participant["id"], row["id"], type="PARTICIPATES_IN", role=participant["role"]
            )
    return graph
