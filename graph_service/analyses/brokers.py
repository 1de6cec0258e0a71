"""Brokers (intermédiaires, « catalyseurs », « tiers de confiance »).

Who sits between others: betweenness, Gould & Fernandez brokerage roles relative
to a partition (sphere, North/South side, territory, level), Burt's constraint and
effective size, bridges and articulation points, between-group brokers, and the
practical question "who can introduce A to B".

Heavy kernels run in compiled engines: exact unweighted betweenness in
rustworkx (parallel Rust), weighted, sampled and subset betweenness in igraph
(C); constraint and effective size as sparse-matrix products.  networkx stays the
graph model and the reference the tests compare against.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

import igraph
import networkx as nx
import numpy as np
import rustworkx
from scipy import sparse

__all__ = [
    "ROLES",
    "BrokerageResult",
    "between_group_brokers",
    "betweenness",
    "betweenness_change",
    "bridges_and_cut_points",
    "brokerage_roles",
    "burt_constraint",
    "effective_size",
    "introduction_candidates",
    "introductions",
    "sampled_betweenness",
]

#: Gould & Fernandez roles, in R ``sna::brokerage`` order (w_I, w_O, b_IO, b_OI, b_O).
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _index(graph: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int]]:
    nodes = list(graph.nodes)
    return nodes, {node: i for i, node in enumerate(nodes)}


def _igraph(graph: nx.Graph, weight: str | None) -> tuple[igraph.Graph, list[Hashable]]:
    nodes, index = _index(graph)
    edges = [(index[u], index[v]) for u, v in graph.edges]
    converted = igraph.Graph(n=len(nodes), edges=edges, directed=False)
    if weight is not None:
        converted.es["w"] = [data.get(weight, 1.0) for _, _, data in graph.edges(data=True)]
    return converted, nodes


def betweenness(
    graph: nx.Graph,
    *,
    weight: str | None = None,
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
) -> dict[Hashable, float]:
    """Betweenness centrality of every node of an undirected graph.

    Parameters
    ----------
    graph : networkx.Graph
    weight : str, optional
        Edge attribute holding a *distance* (larger = farther), e.g. ``"distance"``
        (1 / tie strength in the projection).  None counts hops.
    k : int, optional
        Estimate from ``k`` source nodes drawn with ``seed`` (Brandes & Pich 2007),
        for large graphs.  The sample is drawn as networkx draws it, so both agree.
    normalized : bool
        Divide by the number of pairs, ``(n-1)(n-2)/2``.

    Returns
    -------
    dict
        Node -> betweenness, equal to :func:`networkx.betweenness_centrality`.

    Examples
    --------
    >>> scores = betweenness(nx.path_graph(3))
    >>> [round(scores[v], 3) for v in range(3)]
    [0.0, 1.0, 0.0]

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40, 35-41.  Brandes, U. (2001). A faster algorithm for betweenness
    centrality.  Journal of Mathematical Sociology 25, 163-177.
    """
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    if k is not None and k < n:
        return _sampled_betweenness(graph, weight, k, seed, normalized)
    if weight is None:
        nodes, index = _index(graph)
        converted = rustworkx.PyGraph(multigraph=False)
        converted.add_nodes_from(nodes)
        converted.add_edges_from_no_data([(index[u], index[v]) for u, v in graph.edges])
        raw = rustworkx.graph_betweenness_centrality(converted, normalized=False)
        values = [raw[i] for i in range(n)]
    else:
        converted_ig, nodes = _igraph(graph, weight)
        values = converted_ig.betweenness(directed=False, weights="w")
    scale = 1 / ((n - 1) * (n - 2) / 2) if normalized and n > 2 else 1.0
    return {node: value * scale for node, value in zip(nodes, values, strict=True)}


def _sampled_betweenness(
    graph: nx.Graph, weight: str | None, k: int, seed: int | None, normalized: bool
) -> dict[Hashable, float]:
    return sampled_betweenness(graph, weight=weight, k=k, seed=seed, normalized=normalized)[0]


#: Groups the sampled sources are split into to estimate the sampling error.
ERROR_BATCHES = 10


def sampled_betweenness(
    graph: nx.Graph,
    *,
    weight: str | None = None,
    k: int,
    seed: int | None = None,
    normalized: bool = True,
) -> tuple[dict[Hashable, float], dict[Hashable, float]]:
    """Betweenness estimated from ``k`` source nodes, and each estimate's standard
    error.

    The estimate is the one networkx (>= 3.5) gives for the same seed: a source
    cannot lie on its own paths, so sources are extrapolated from k - 1 others.
    The sources are drawn once and split into :data:`ERROR_BATCHES` groups; each
    group gives its own estimate, and the spread of those estimates (batch means,
    with the finite-population correction of drawing sources without replacement)
    is the standard error of the whole sample's.  It costs nothing more: the same
    sources, in a few calls instead of one.

    Examples
    --------
    >>> g = nx.path_graph(30)
    >>> scores, errors = sampled_betweenness(g, k=30, seed=1)
    >>> round(scores[15], 3), errors[15]
    (0.517, 0.0)
    """
    converted, nodes = _igraph(graph, weight)
    n = len(nodes)
    chosen_nodes = random.Random(seed).sample(nodes, k)
    chosen = set(chosen_nodes)
    order = {node: i for i, node in enumerate(nodes)}
    # Groups in the order the sources were drawn: a random split.  (Split in node
    # order, each group would get its share of a graph's oldest, best-connected
    # nodes, and the groups would agree more than random samples do.)
    groups = [
        [order[node] for node in chosen_nodes[g::ERROR_BATCHES]]
        for g in range(min(ERROR_BATCHES, k))
    ]
    pairs_per_source = (n - 2) if normalized else 2 / (n - 1)
    is_source = np.array([node in chosen for node in nodes])
    totals = np.zeros(n)
    estimates = []
    for group in groups:
        # igraph halves source-subset betweenness on undirected graphs: x2 gives
        # the sum over ordered (source, target) pairs.
        halves = np.asarray(
            converted.betweenness(directed=False, weights="w" if weight else None, sources=group)
        )
        totals += halves
        member = np.zeros(n, dtype=bool)
        member[group] = True
        effective = len(group) - member.astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            estimates.append(
                np.where(effective > 0, 2 * halves / (effective * pairs_per_source), np.nan)
            )
    effective_all = k - is_source.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        overall = np.where(
            effective_all > 0, 2 * totals / (effective_all * pairs_per_source), np.nan
        )
    if len(groups) > 1:
        spread = np.nanstd(np.vstack(estimates), axis=0, ddof=1)
        correction = math.sqrt(max(0.0, (n - 1 - k) / max(1, n - 2)))
        errors = spread / math.sqrt(len(groups)) * correction
    else:
        errors = np.zeros(n)
    return (
        {node: float(overall[i]) for i, node in enumerate(nodes)},
        {node: float(errors[i]) for i, node in enumerate(nodes)},
    )


@dataclass(frozen=True)
class BrokerageResult:
    """Gould & Fernandez brokerage of every node, as R ``sna::brokerage`` reports it."""

    raw: dict[Hashable, dict[str, float]]
    expected: dict[Hashable, dict[str, float]]
    z: dict[Hashable, dict[str, float | None]]
    #: Whole-network counts per role.
    totals: dict[str, float]


@dataclass(frozen=True)
class ScopeCounts:
    """What the expected brokerage counts depend on: the whole network's actors,
    its arcs (an undirected tie is two) and the size of each group."""

    actors: int
    arcs: int
    group_sizes: Mapping[Hashable, int]


def brokerage_roles(
    graph: nx.Graph | nx.DiGraph,
    partition: Mapping[Hashable, Hashable],
    scope: ScopeCounts | None = None,
) -> BrokerageResult:
    """Gould & Fernandez brokerage roles relative to a partition.

    A node ``j`` brokers an *open* two-path ``i → j → k`` (``i ≠ k`` and no tie
    ``i → k``).  With ``g(x)`` the group of ``x``, the role is:

    ========================  =======================  ===========
    groups                    role                     sna name
    ========================  =======================  ===========
    g(i) = g(j) = g(k)        coordinator              w_I
    g(i) = g(k) ≠ g(j)        itinerant (consultant)   w_O
    g(i) = g(j) ≠ g(k)        representative           b_IO
    g(i) ≠ g(j) = g(k)        gatekeeper               b_OI
    all different             liaison                  b_O
    ========================  =======================  ===========

    Undirected ties are read as reciprocated arcs, as ``sna`` reads a symmetric
    matrix: every open two-path then counts once in each direction, so
    representative and gatekeeper counts are equal and all counts are twice the
    number of unordered two-paths.  Expected values and standard deviations are
    those of ``sna::brokerage`` (random digraph of the observed density, same group
    sizes), by the broker's group; ``z`` is None where the deviation is zero.  With
    ``scope``, ``graph`` is part of a larger network (an actor's surroundings): the
    expectations are the whole network's, and only the counts of nodes whose
    partners and partners' ties ``graph`` holds are that network's.

    Examples
    --------
    >>> star = nx.star_graph(2)  # 1 - 0 - 2
    >>> result = brokerage_roles(star, {0: "a", 1: "b", 2: "b"})
    >>> result.raw[0]["itinerant"], result.raw[0]["total"]
    (2.0, 2.0)

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
    approach to brokerage in transaction networks.  Sociological Methodology 19,
    89-126.  Butts, C. T. (2008). Social network analysis with sna.  Journal of
    Statistical Software 24(6).
    """
    directed = graph if graph.is_directed() else graph.to_directed()
    groups = {node: partition[node] for node in directed.nodes}
    successors = {node: set(directed.successors(node)) - {node} for node in directed.nodes}
    raw: dict[Hashable, dict[str, float]] = {}
    for broker in directed.nodes:
        counts = dict.fromkeys(ROLES, 0.0)
        own = groups[broker]
        onward = successors[broker]
        onward_by_group = Counter(groups[k] for k in onward)
        for source in directed.predecessors(broker):
            if source == broker:
                continue
            reachable = onward_by_group.copy()
            # Closed two-paths (source already tied to k) and returns to the source do not count.
            for k in onward & successors[source]:
                reachable[groups[k]] -= 1
            if source in onward:
                reachable[groups[source]] -= 1
            from_group = groups[source]
            for to_group, count in reachable.items():
                if count:
                    counts[_role(from_group, own, to_group)] += count
        counts["total"] = sum(counts[role] for role in ROLES)
        raw[broker] = counts
    if scope is None:
        arcs = sum(1 for u, v in directed.edges if u != v)
        scope = ScopeCounts(directed.number_of_nodes(), arcs, Counter(groups.values()))
    expected, deviation = _brokerage_moments(scope)
    z: dict[Hashable, dict[str, float | None]] = {}
    for node, counts in raw.items():
        group = groups[node]
        z[node] = {
            role: (counts[role] - expected[group][role]) / deviation[group][role]
            if deviation[group][role] > 0
            else None
            for role in (*ROLES, "total")
        }
    totals = {role: sum(counts[role] for counts in raw.values()) for role in (*ROLES, "total")}
    return BrokerageResult(
        raw=raw,
        expected={node: dict(expected[groups[node]]) for node in raw},
        z=z,
        totals=totals,
    )


def _role(from_group: Hashable, broker_group: Hashable, to_group: Hashable) -> str:
    if from_group == broker_group:
        return "coordinator" if to_group == broker_group else "representative"
    if to_group == broker_group:
        return "gatekeeper"
    return "itinerant" if from_group == to_group else "liaison"


def _brokerage_moments(
    scope: ScopeCounts,
) -> tuple[dict[Hashable, dict[str, float]], dict[Hashable, dict[str, float]]]:
    """Expected counts and standard deviations per broker group (sna's formulas)."""
    n_total = float(scope.actors)
    d = scope.arcs / (n_total * (n_total - 1)) if n_total > 1 else 0.0
    sizes = scope.group_sizes
    p2 = d**2 * (1 - d)  # an open two-path: two arcs present, the shortcut absent
    p3 = d**3 * (1 - d) ** 3
    expected: dict[Hashable, dict[str, float]] = {}
    deviation: dict[Hashable, dict[str, float]] = {}
    for group, size in sizes.items():
        n = float(size)
        others = np.array([float(s) for g, s in sizes.items() if g != group])
        e = {
            "coordinator": p2 * (n - 1) * (n - 2),
            "itinerant": p2 * float(np.sum(others * (others - 1))),
            "representative": p2 * (n_total - n) * (n - 1),
            "liaison": p2 * float(np.sum(np.outer(others, others)) - np.sum(others**2)),
            "total": p2 * (n_total - 1) * (n_total - 2),
        }
        e["gatekeeper"] = e["representative"]
        v = {
            "coordinator": e["coordinator"] * (1 - p2) + 2 * (n - 1) * (n - 2) * (n - 3) * p3,
            "itinerant": e["itinerant"] * (1 - p2)
            + 2 * float(np.sum(others * (others - 1) * (others - 2))) * p3,
            "representative": e["representative"] * (1 - p2)
            + 2
            * ((n - 1) * math.comb(int(n_total - n), 2) + (n_total - n) * math.comb(int(n - 1), 2))
            * p3,
            "liaison": e["liaison"] * (1 - p2)
            + 4
            * float(np.sum(others * np.array([math.comb(int(n_total - o - n), 2) for o in others])))
            * p3,
            "total": e["total"] * (1 - p2) + 2 * (n_total - 1) * (n_total - 2) * (n_total - 3) * p3,
        }
        v["gatekeeper"] = v["representative"]
        expected[group] = e
        deviation[group] = {role: math.sqrt(max(value, 0.0)) for role, value in v.items()}
    return expected, deviation


def _weights_matrix(
    graph: nx.Graph, weight: str | None
) -> tuple[list[Hashable], sparse.csr_matrix]:
    nodes, index = _index(graph)
    rows, cols, values = [], [], []
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        w = float(data.get(weight, 1.0)) if weight else 1.0
        rows += [index[u], index[v]]
        cols += [index[v], index[u]]
        values += [w, w]
    n = len(nodes)
    return nodes, sparse.csr_matrix((values, (rows, cols)), shape=(n, n))


def burt_constraint(graph: nx.Graph, weight: str | None = None) -> dict[Hashable, float]:
    """Burt's constraint of every node of an undirected graph.

    ``c(i) = Σ_j (p_ij + Σ_q p_iq p_qj)²`` over the neighbours ``j`` of ``i``, with
    ``p_ij`` the share of ``i``'s ties (weights) invested in ``j``.  Low constraint:
    a broker across structural holes.  Isolated nodes get NaN, as in networkx.

    Examples
    --------
    >>> c = burt_constraint(nx.star_graph(3))
    >>> round(c[0], 3), round(c[1], 3)
    (0.333, 1.0)

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
    Harvard University Press.
    """
    if graph.number_of_nodes() == 0:
        return {}
    nodes, weights = _weights_matrix(graph, weight)
    strength = np.asarray(weights.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        inverse = np.where(strength > 0, 1.0 / strength, 0.0)
    shares = sparse.diags(inverse) @ weights  # p_ij
    indirect = (shares @ shares).multiply(weights > 0)  # Σ_q p_iq p_qj on the ties only
    local = shares + indirect
    values = np.asarray(local.multiply(local).sum(axis=1)).ravel()
    return {
        node: (float(values[i]) if strength[i] > 0 else math.nan) for i, node in enumerate(nodes)
    }


def effective_size(graph: nx.Graph, weight: str | None = None) -> dict[Hashable, float]:
    """Burt's effective size: the number of a node's contacts minus their redundancy.

    ``e(i) = Σ_j (1 − Σ_q p_iq m_jq)`` with ``m_jq`` the weight of ``j``'s tie to
    ``q`` divided by ``j``'s strongest tie.  Without weights this is Borgatti's
    ``n − 2t/n`` (``t`` ties among the ``n`` contacts).  Isolated nodes get NaN.

    Examples
    --------
    >>> e = effective_size(nx.complete_graph(4))
    >>> round(e[0], 3)
    1.0

    References
    ----------
    Burt (1992); Borgatti, S. P. (1997). Structural holes: unpacking Burt's
    redundancy measures.  Connections 20(1), 35-38.
    """
    if graph.number_of_nodes() == 0:
        return {}
    nodes, weights = _weights_matrix(graph, weight)
    strength = np.asarray(weights.sum(axis=1)).ravel()
    strongest = np.asarray(weights.max(axis=1).todense()).ravel()
    with np.errstate(divide="ignore"):
        shares = sparse.diags(np.where(strength > 0, 1.0 / strength, 0.0)) @ weights
        marginal = sparse.diags(np.where(strongest > 0, 1.0 / strongest, 0.0)) @ weights
    redundancy = (shares @ marginal.T).multiply(weights > 0)
    degree = np.asarray((weights > 0).sum(axis=1)).ravel()
    values = degree - np.asarray(redundancy.sum(axis=1)).ravel()
    return {node: (float(values[i]) if degree[i] > 0 else math.nan) for i, node in enumerate(nodes)}


def bridges_and_cut_points(graph: nx.Graph) -> dict[str, list[Any]]:
    """Ties whose removal disconnects the network (bridges), and actors whose
    removal does (articulation points, *points de coupure*), sorted.

    Examples
    --------
    >>> bridges_and_cut_points(nx.path_graph(3))
    {'bridges': [[0, 1], [1, 2]], 'articulation_points': [1]}
    """
    bridges = sorted(sorted(edge) for edge in nx.bridges(graph))
    return {"bridges": bridges, "articulation_points": sorted(nx.articulation_points(graph))}


def between_group_brokers(
    graph: nx.Graph,
    partition: Mapping[Hashable, Hashable],
    group_a: Hashable,
    group_b: Hashable,
    *,
    weight: str | None = None,
) -> dict[Hashable, float]:
    """Share of the shortest paths between members of ``group_a`` and members of
    ``group_b`` that pass through each node: who connects sphere A with sphere B.

    Each (a, b) pair counts once (igraph and networkx halve subset betweenness on
    undirected graphs; this undoes it), divided by the number of pairs, so 1.0
    means every A–B path goes through the node.

    Examples
    --------
    >>> g = nx.path_graph(3)
    >>> between_group_brokers(g, {0: "a", 1: "x", 2: "b"}, "a", "b")[1]
    1.0

    References
    ----------
    Brandes, U. (2008). On variants of shortest-path betweenness centrality and
    their generic computation.  Social Networks 30, 136-145.
    """
    converted, nodes = _igraph(graph, weight)
    position = {node: i for i, node in enumerate(nodes)}
    members_a = [position[v] for v in nodes if partition.get(v) == group_a]
    members_b = [position[v] for v in nodes if partition.get(v) == group_b]
    pairs = len(members_a) * len(members_b)
    if pairs == 0:
        return dict.fromkeys(nodes, 0.0)
    values = converted.betweenness(
        directed=False, weights="w" if weight else None, sources=members_a, targets=members_b
    )
    return {node: 2 * value / pairs for node, value in zip(nodes, values, strict=True)}


#: How many paths an introduction search looks at before it stops (cheaper paths
#: come first; past this many, longer ones are all too long anyway).
MAX_ENUMERATED_PATHS = 10_000


def introductions(
    graph: nx.Graph, source: Hashable, target: Hashable, k: int = 3, max_ties: int | None = None
) -> list[dict[str, Any]]:
    """The best ``k`` ways for ``source`` to be introduced to ``target``.

    Paths are simple paths ranked by cost, the sum of ``1 / weight`` over their
    ties (strong ties are cheap), then by freshness: the most recent start among
    their ties, recent first (a tie known to be alive recently is a safer one).
    Each names its intermediaries.  Empty when no path exists (of at most
    ``max_ties`` ties, when given).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=2.0); g.add_edge("b", "c", weight=2.0)
    >>> g.add_edge("a", "d", weight=0.5); g.add_edge("d", "c", weight=0.5)
    >>> [p["intermediaries"] for p in introductions(g, "a", "c", k=2)]
    [['b'], ['d']]
    """
    return introduction_candidates(graph, source, target, k, max_ties)[0]


def introduction_candidates(
    graph: nx.Graph, source: Hashable, target: Hashable, k: int = 3, max_ties: int | None = None
) -> tuple[list[dict[str, Any]], list[float]]:
    """:func:`introductions`, and the costs of every path the ranking looked at
    (the ``3 * k`` cheapest, in order): a caller working on part of the graph
    knows from the last one whether a path it cannot see could have been chosen."""
    if source not in graph or target not in graph or source == target:
        return [], []

    def cost(u: Hashable, v: Hashable, data: Mapping[str, Any]) -> float:
        return 1.0 / float(data.get("weight", 1.0))

    if max_ties is not None:
        # Only actors on some path of at most max_ties ties can be on an answer.
        near_source = nx.single_source_shortest_path_length(graph, source, cutoff=max_ties)
        near_target = nx.single_source_shortest_path_length(graph, target, cutoff=max_ties)
        graph = graph.subgraph(
            n for n, d in near_source.items() if d + near_target.get(n, max_ties + 1) <= max_ties
        )
        if target not in graph:
            return [], []
    candidates: list[tuple[float, float, list[Hashable]]] = []
    enumerated = 0
    try:
        for path in nx.shortest_simple_paths(graph, source, target, weight=cost):
            enumerated += 1
            if enumerated > MAX_ENUMERATED_PATHS:
                break
            if max_ties is not None and len(path) - 1 > max_ties:
                continue
            total = sum(cost(u, v, graph.edges[u, v]) for u, v in pairwise(path))
            starts = [graph.edges[u, v].get("since") for u, v in pairwise(path)]
            known = [s.toordinal() for s in starts if isinstance(s, date)]
            freshness = max(known) if known else 0.0
            candidates.append((total, -freshness, path))
            if len(candidates) >= 3 * k:
                break
    except nx.NetworkXNoPath:
        return [], []
    looked_at = [total for total, _, _ in candidates]
    candidates.sort(key=lambda item: (round(item[0], 12), item[1], [str(n) for n in item[2]]))
    paths = [
        {
            "path": path,
            "intermediaries": path[1:-1],
            "cost": round(total, 6),
            "ties": [
                {
                    "from": u,
                    "to": v,
                    "types": graph.edges[u, v].get("types", []),
                    "weight": graph.edges[u, v].get("weight", 1.0),
                    "since": _iso(graph.edges[u, v].get("since")),
                }
                for u, v in pairwise(path)
            ],
        }
        for total, _, path in candidates[:k]
    ]
    return paths, looked_at


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def betweenness_change(
    before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """How the brokers ranked at either date moved between them: each actor's
    betweenness before and after (0 when absent from a date's ranking) and the
    difference, the largest moves first.

    Examples
    --------
    >>> betweenness_change([{"id": "a", "name": "A", "betweenness": 0.5}],
    ...                    [{"id": "b", "name": "B", "betweenness": 0.2}])[0]["id"]
    'a'
    """
    first = {str(r["id"]): r for r in before}
    second = {str(r["id"]): r for r in after}
    moves = []
    for id in sorted(set(first) | set(second)):
        was = float(first.get(id, {}).get("betweenness", 0.0))
        now = float(second.get(id, {}).get("betweenness", 0.0))
        name = (second.get(id) or first[id]).get("name")
        moves.append(
            {"id": id, "name": name, "before": was, "after": now, "change": round(now - was, 9)}
        )
    moves.sort(key=lambda m: (-abs(float(m["change"] or 0.0)), str(m["id"])))
    return moves
