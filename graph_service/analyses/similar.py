"""Similar actors (acteurs au réseau semblable): actors whose partners overlap.

Two actors are similar when they work with the same partners, whether or not they
work with each other: the Jaccard index of their partner sets, the share of all
their partners that they share (structural equivalence, measured).  For an
association looking for peers it names those in the same position as itself
(who could pool their efforts, or compete for the same partners); across a scope
it names the pairs that duplicate each other, which a network animator reads as
redundancy (or, at 1.0 with many partners, as one organisation recorded twice).

Partners are the neighbours of the analysis graph: one tie per pair, conflicts
excluded.  Weighted, each shared partner counts by the weaker of the two ties to
it and each partner by the stronger (weighted Jaccard), so two actors tied
strongly to the same partners are closer than two tied weakly.  These are the
definitions of Neo4j's Graph Data Science node similarity, which the GDS engine
runs, so both engines give the same scores.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["similar_pairs", "similar_to", "similarity"]

#: By default only actors with at least this many partners are compared: two
#: actors whose single partner is the same network have identical partner sets
#: (similarity 1) and say nothing about each other.
MIN_PARTNERS = 2


def _weights(graph: nx.Graph, node: Hashable, weight: str | None) -> dict[Hashable, float]:
    return {
        partner: float(data.get(weight, 1.0)) if weight else 1.0
        for partner, data in graph[node].items()
        if partner != node
    }


def similarity(graph: nx.Graph, a: Hashable, b: Hashable, weight: str | None = None) -> float:
    """Jaccard index of the partner sets of ``a`` and ``b`` (weighted: the sum over
    partners of the weaker tie over the sum of the stronger, a missing tie being 0).

    Examples
    --------
    >>> g = nx.Graph([("a", "x"), ("a", "y"), ("b", "y"), ("b", "z")])
    >>> similarity(g, "a", "b")  # one shared partner (y) of three (x, y, z)
    0.3333333333333333
    >>> g.add_edge("a", "b")  # their own tie is not a shared partner
    >>> similarity(g, "a", "b")
    0.2

    References
    ----------
    Lorrain, F. & White, H. C. (1971). Structural equivalence of individuals in
    social networks.  Journal of Mathematical Sociology 1, 49-80.
    Jaccard, P. (1901). Étude comparative de la distribution florale dans une
    portion des Alpes et du Jura.  Bulletin de la Société vaudoise des sciences
    naturelles 37, 547-579.
    """
    mine, theirs = _weights(graph, a, weight), _weights(graph, b, weight)
    return _jaccard(mine, theirs)


def _jaccard(mine: dict[Hashable, float], theirs: dict[Hashable, float]) -> float:
    together = mine.keys() | theirs.keys()
    larger = sum(max(mine.get(p, 0.0), theirs.get(p, 0.0)) for p in together)
    if larger == 0:
        return 0.0
    smaller = sum(min(mine[p], theirs[p]) for p in mine.keys() & theirs.keys())
    return smaller / larger


def _row(
    graph: nx.Graph,
    a: Hashable,
    b: Hashable,
    partners: dict[Hashable, dict[Hashable, float]],
) -> dict[str, Any]:
    shared = sorted(partners[a].keys() & partners[b].keys(), key=str)
    return {
        "score": _jaccard(partners[a], partners[b]),
        "shared": shared,
        "partners": len(partners[b]),
        "tied": graph.has_edge(a, b),
    }


def _order(row: dict[str, Any], *ids: Hashable) -> tuple[Any, ...]:
    # Highest score first; among equal scores, more shared partners first (1 of 1
    # says less than 5 of 5); then by id, so that a run is reproducible.
    return (-round(row["score"], 9), -len(row["shared"]), *(str(i) for i in ids))


def _compared(
    graph: nx.Graph, weight: str | None, min_partners: int
) -> dict[Hashable, dict[Hashable, float]]:
    """The partners (and tie weights) of each actor with enough partners to compare."""
    partners = {node: _weights(graph, node, weight) for node in graph.nodes}
    return {node: p for node, p in partners.items() if len(p) >= max(min_partners, 1)}


def _two_hops(graph: nx.Graph, node: Hashable) -> Iterable[Hashable]:
    for partner in graph[node]:
        yield from graph[partner]


def similar_to(
    graph: nx.Graph,
    actor: Hashable,
    *,
    top: int = 10,
    weight: str | None = None,
    min_partners: int = MIN_PARTNERS,
    scores: Mapping[Any, float] | None = None,
) -> list[dict[str, Any]]:
    """The ``top`` actors whose partners most resemble ``actor``'s, best first: each
    with ``id``, ``score`` (:func:`similarity`), the ``shared`` partners, its own
    number of ``partners`` and whether it is ``tied`` to ``actor`` already.  Only
    actors with at least ``min_partners`` partners are compared (``actor`` too), and
    only those sharing one.  With ``scores`` (by actor), those are the similarities
    another engine computed: only its actors are listed, with its scores.

    Examples
    --------
    >>> g = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "y"), ("c", "z")])
    >>> [(r["id"], round(r["score"], 2), r["shared"]) for r in similar_to(g, "a")]
    [('b', 1.0, ['x', 'y']), ('c', 0.33, ['y'])]
    """
    if actor not in graph:
        raise KeyError(actor)
    partners = _compared(graph, weight, min_partners)
    if actor not in partners:
        return []
    candidates = set(_two_hops(graph, actor)) if scores is None else set(scores)
    rows = []
    for other in candidates - {actor}:
        if other in partners:
            row = {"id": other, **_row(graph, actor, other, partners)}
            if scores is not None:
                row["score"] = scores[other]
            rows.append(row)
    rows.sort(key=lambda row: _order(row, row["id"]))
    return rows[:top]


def similar_pairs(
    graph: nx.Graph,
    *,
    top: int = 10,
    weight: str | None = None,
    min_partners: int = MIN_PARTNERS,
    scores: Mapping[tuple[Any, Any], float] | None = None,
) -> list[dict[str, Any]]:
    """The ``top`` most similar pairs of the whole graph, best first: each with ``a``
    and ``b`` (``a`` first by id), ``score``, the ``shared`` partners and whether they
    are ``tied``.  Every pair sharing a partner is scored, which costs the sum over
    actors of their number of partners squared: a national scope needs the GDS engine.
    With ``scores`` (by pair, smaller id first), those are the similarities another
    engine computed: only its pairs are listed, with its scores, and ``graph`` need
    only hold their actors and all their partners.

    Examples
    --------
    >>> g = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "y"), ("c", "z")])
    >>> [(r["a"], r["b"], round(r["score"], 2)) for r in similar_pairs(g, top=3)]
    [('a', 'b', 1.0), ('x', 'y', 0.67), ('a', 'c', 0.33)]
    """
    partners = _compared(graph, weight, min_partners)
    if scores is None:
        pairs: Iterable[tuple[Hashable, Hashable]] = (
            (a, b) for a in partners for b in set(_two_hops(graph, a)) if str(a) < str(b)
        )
    else:
        pairs = scores
    rows = []
    for a, b in pairs:
        if a in partners and b in partners:
            row = _row(graph, a, b, partners)
            del row["partners"]
            if scores is not None:
                row["score"] = scores[a, b]
            rows.append({"a": a, "b": b, **row})
    rows.sort(key=lambda row: _order(row, row["a"], row["b"]))
    return rows[:top]
