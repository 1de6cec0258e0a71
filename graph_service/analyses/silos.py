"""Cloisonnement (silos): how much ties stay inside groups.

Krackhardt–Stern E-I index for the network, each group and each actor, with its
expected value under random mixing and a permutation test; the group × group
mixing and density matrices; attribute assortativity; modularity of the declared
partition; detected communities (seeded Louvain) compared with the declared
groups (NMI, ARI); group pairs with no tie ("missing bridges"); and the change of
these figures between two dates (décloisonnement).
"""

from __future__ import annotations

import math
import random
import threading
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import igraph
import networkx as nx
import numpy as np

__all__ = [
    "TieTable",
    "adjusted_rand_index",
    "ei_index",
    "leiden_communities",
    "louvain_communities",
    "missing_bridges",
    "mixing_matrix",
    "normalized_mutual_information",
    "numbered",
    "silo_change",
    "table_figures",
    "tie_change",
]


def _ei(external: float, internal: float) -> float | None:
    total = external + internal
    return (external - internal) / total if total else None


def _network_ei(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> float | None:
    external = sum(1 for u, v in graph.edges if u != v and groups[u] != groups[v])
    internal = sum(1 for u, v in graph.edges if u != v and groups[u] == groups[v])
    return _ei(external, internal)


def _expected_ei(sizes: Iterable[int]) -> float | None:
    """The E-I index if ties fell at random over all pairs, given the group sizes."""
    sizes = list(sizes)
    n = sum(sizes)
    possible_internal = sum(s * (s - 1) / 2 for s in sizes)
    possible_external = n * (n - 1) / 2 - possible_internal
    return _ei(possible_external, possible_internal)


def _permuted_ei(
    graph: nx.Graph, groups: Mapping[Hashable, Hashable], permutations: int, seed: int | None
) -> np.ndarray:
    """E-I of the graph under random relabellings of its nodes (sizes kept)."""
    index = {node: i for i, node in enumerate(graph.nodes)}
    codes = {label: i for i, label in enumerate(sorted({str(g) for g in groups.values()}))}
    labels = np.array([codes[str(groups[node])] for node in graph.nodes])
    ends = np.array([(index[u], index[v]) for u, v in graph.edges if u != v], dtype=np.int64)
    return _permuted_draws(labels, ends, permutations, seed)


def _permuted_draws(
    labels: np.ndarray, ends: np.ndarray, permutations: int, seed: int | None
) -> np.ndarray:
    """E-I of ties ``ends`` (pairs of node indices) under random relabellings of the
    nodes' ``labels`` (group codes)."""
    if len(ends) == 0:
        return np.zeros(permutations)
    rng = np.random.default_rng(seed)
    draws = np.empty(permutations)
    for i in range(permutations):
        shuffled = rng.permutation(labels)
        internal = np.count_nonzero(shuffled[ends[:, 0]] == shuffled[ends[:, 1]])
        draws[i] = (len(ends) - 2 * internal) / len(ends)
    return draws


def _p_values(
    observed: float | None, draws: np.ndarray | None, permutations: int
) -> tuple[float | None, float | None]:
    """Two-sided and one-sided ("at least this siloed") permutation p-values."""
    if draws is None or observed is None:
        return None, None
    centre = float(draws.mean())
    distance = abs(observed - centre)
    # +1 in numerator and denominator: the observed labelling is one of the draws.
    p_value = float((1 + np.sum(np.abs(draws - centre) >= distance - 1e-12)) / (1 + permutations))
    p_siloed = float((1 + np.sum(draws <= observed + 1e-12)) / (1 + permutations))
    return p_value, p_siloed


def ei_index(
    graph: nx.Graph,
    partition: Mapping[Hashable, Hashable],
    *,
    permutations: int = 1000,
    seed: int | None = 0,
) -> dict[str, Any]:
    """Krackhardt–Stern E-I index: (external − internal) / (external + internal).

    −1: every tie stays inside its group (fully siloed); +1: every tie crosses.

    Returns ``network``; ``expected``, the value if ties fell at random among all
    pairs given the group sizes (``(P_e − P_i)/(P_e + P_i)`` over possible pairs);
    ``p_value``, two-sided, the share of ``permutations`` random relabellings of
    the actors (group sizes kept) whose E-I lies at least as far from their mean
    as the observed one; ``p_siloed``, one-sided, the share at or below the
    observed value; ``groups`` (ties of each group's members: inside vs. to other
    groups); ``actors`` (each actor's own ties).  Values are None where there are
    no ties.

    Examples
    --------
    >>> g = nx.Graph([(1, 2), (3, 4), (2, 3)])
    >>> result = ei_index(g, {1: "a", 2: "a", 3: "b", 4: "b"}, permutations=0)
    >>> round(result["network"], 3), round(result["expected"], 3)
    (-0.333, 0.333)

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational
    crises: an experimental simulation.  Social Psychology Quarterly 51, 123-140.
    """
    groups = {node: partition[node] for node in graph.nodes}
    observed = _network_ei(graph, groups)
    sizes = Counter(groups.values())
    expected = _expected_ei(sizes.values())

    group_counts: dict[Hashable, list[int]] = {g: [0, 0] for g in sizes}  # [external, internal]
    actor_counts: dict[Hashable, list[int]] = {node: [0, 0] for node in graph.nodes}
    for u, v in graph.edges:
        if u == v:
            continue
        crossing = groups[u] != groups[v]
        slot = 0 if crossing else 1
        actor_counts[u][slot] += 1
        actor_counts[v][slot] += 1
        group_counts[groups[u]][slot] += 1
        if crossing:
            group_counts[groups[v]][slot] += 1

    draws = None
    if permutations > 0 and observed is not None:
        draws = _permuted_ei(graph, groups, permutations, seed)
    p_value, p_siloed = _p_values(observed, draws, permutations)
    return {
        "network": observed,
        "expected": expected,
        "p_value": p_value,
        "p_siloed": p_siloed,
        "permutations": permutations,
        "groups": {
            str(g): _ei(*counts)
            for g, counts in sorted(group_counts.items(), key=lambda x: str(x[0]))
        },
        "actors": {
            str(node): _ei(*counts)
            for node, counts in sorted(actor_counts.items(), key=lambda x: str(x[0]))
        },
    }


@dataclass(frozen=True)
class TieTable:
    """A scope's ties as arrays, for the silos figures of a scope too large to hold
    as a graph: ``groups[i]`` is node ``i``'s group, ``ends`` the node indices of
    each tie (once, never a loop: shape (m, 2)), ``weights`` their weights."""

    groups: Sequence[str]
    ends: np.ndarray
    weights: np.ndarray

    @classmethod
    def of(cls, graph: nx.Graph, partition: Mapping[Hashable, Hashable]) -> TieTable:
        """The table of ``graph`` (to check the table's figures against the graph's)."""
        index = {node: i for i, node in enumerate(graph.nodes)}
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if u != v]
        return cls(
            [str(partition[node]) for node in graph.nodes],
            np.array([(index[u], index[v]) for u, v, _ in edges], dtype=np.int64).reshape(-1, 2),
            np.array([float(d.get("weight", 1.0)) for _, _, d in edges]),
        )


def table_figures(
    table: TieTable, *, permutations: int, seed: int | None, weighted: bool
) -> dict[str, Any]:
    """The whole-scope silos figures of a tie table, as :func:`ei_index` (without
    each actor's own index), :func:`mixing_matrix` and :func:`missing_bridges` give
    them, with the declared groups' attribute assortativity and modularity (as
    networkx computes them; None without ties): the same values, computed on arrays
    (the permutation test draws its relabellings in the table's order, so its
    p-values are another draw of the same test)."""
    names = sorted(set(table.groups))
    code = {name: i for i, name in enumerate(names)}
    labels = np.array([code[g] for g in table.groups], dtype=np.int64)
    k = len(names)
    sizes = np.bincount(labels, minlength=k)
    a, b = labels[table.ends[:, 0]], labels[table.ends[:, 1]]
    pairs = np.zeros((k, k), dtype=np.int64)
    np.add.at(pairs, (a, b), 1)
    within = np.diag(pairs).copy()
    counts = pairs + pairs.T - np.diag(within)  # ties between a and b, either way round
    ties = len(table.ends)
    internal = int(within.sum())
    observed = _ei(ties - internal, internal) if ties else None
    draws = None
    if permutations > 0 and observed is not None:
        draws = _permuted_draws(labels, table.ends, permutations, seed)
    p_value, p_siloed = _p_values(observed, draws, permutations)
    density: dict[str, dict[str, float | None]] = {}
    for i, x in enumerate(names):
        density[x] = {}
        for j, y in enumerate(names):
            possible = sizes[i] * (sizes[i] - 1) / 2 if i == j else sizes[i] * sizes[j]
            density[x][y] = float(counts[i, j] / possible) if possible else None
    assortativity = modularity = None
    if ties:
        # networkx reads every tie both ways: a within-group tie twice on the diagonal.
        mixing = (pairs + pairs.T).astype(float)
        mixing /= mixing.sum()
        expected_mixing = float((mixing @ mixing).sum())
        with np.errstate(all="ignore"):
            assortativity = float((np.trace(mixing) - expected_mixing) / (1 - expected_mixing))
        weights = table.weights if weighted else np.ones(ties)
        total = float(weights.sum())
        inside = np.bincount(a[a == b], weights=weights[a == b], minlength=k)
        degree = np.bincount(a, weights=weights, minlength=k) + np.bincount(
            b, weights=weights, minlength=k
        )
        modularity = float(np.sum(inside / total - (degree / (2 * total)) ** 2))
    return {
        "ei_index": {
            "network": observed,
            "expected": _expected_ei(int(s) for s in sizes),
            "p_value": p_value,
            "p_siloed": p_siloed,
            "permutations": permutations,
            "groups": {
                x: _ei(int(counts[i].sum() - within[i]), int(within[i]))
                for i, x in enumerate(names)
            },
        },
        "mixing_matrix": {
            "groups": names,
            "sizes": {x: int(sizes[i]) for i, x in enumerate(names)},
            "counts": {
                x: {y: int(counts[i, j]) for j, y in enumerate(names)} for i, x in enumerate(names)
            },
            "density": density,
        },
        "assortativity": assortativity,
        "modularity": modularity,
        "missing_bridges": [
            [x, y] for (i, x), (j, y) in combinations(enumerate(names), 2) if counts[i, j] == 0
        ],
    }


def mixing_matrix(graph: nx.Graph, partition: Mapping[Hashable, Hashable]) -> dict[str, Any]:
    """Ties between and within groups, and their densities.

    ``counts[a][b]`` is the number of ties between a member of ``a`` and one of
    ``b`` (symmetric); ``density[a][b]`` divides by the possible pairs
    (``n_a n_b``, or ``n_a (n_a − 1) / 2`` within a group).

    Examples
    --------
    >>> m = mixing_matrix(nx.Graph([(1, 2), (2, 3)]), {1: "a", 2: "a", 3: "b"})
    >>> m["counts"]["a"]["b"], m["density"]["a"]["a"]
    (1, 1.0)
    """
    groups = {node: str(partition[node]) for node in graph.nodes}
    names = sorted(set(groups.values()))
    sizes = Counter(groups.values())
    counts = {a: dict.fromkeys(names, 0) for a in names}
    for u, v in graph.edges:
        if u == v:
            continue
        a, b = groups[u], groups[v]
        counts[a][b] += 1
        if a != b:
            counts[b][a] += 1
    density: dict[str, dict[str, float | None]] = {}
    for a in names:
        density[a] = {}
        for b in names:
            pairs = sizes[a] * (sizes[a] - 1) / 2 if a == b else sizes[a] * sizes[b]
            density[a][b] = counts[a][b] / pairs if pairs else None
    return {
        "groups": names,
        "sizes": dict(sorted(sizes.items())),
        "counts": counts,
        "density": density,
    }


def missing_bridges(graph: nx.Graph, partition: Mapping[Hashable, Hashable]) -> list[list[str]]:
    """Pairs of groups present in the graph with no tie between them.

    Examples
    --------
    >>> missing_bridges(nx.Graph([(1, 2), (3, 3)]), {1: "a", 2: "b", 3: "c"})
    [['a', 'c'], ['b', 'c']]
    """
    groups = {node: str(partition[node]) for node in graph.nodes}
    tied = {frozenset((groups[u], groups[v])) for u, v in graph.edges if groups[u] != groups[v]}
    names = sorted(set(groups.values()))
    return [[a, b] for a, b in combinations(names, 2) if frozenset((a, b)) not in tied]


# igraph draws from a process-wide generator; seeding it must not race.
_IGRAPH_RNG_LOCK = threading.Lock()


def louvain_communities(
    graph: nx.Graph, *, weight: str | None = "weight", seed: int = 0
) -> dict[Hashable, int]:
    """Louvain communities (igraph's multilevel algorithm), reproducible for a seed.

    Communities are numbered from 0 by decreasing size, then by their smallest
    node, so that the same seed gives the same output.

    References
    ----------
    Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks.
    Journal of Statistical Mechanics P10008.
    """
    return _communities(graph, weight, seed, leiden=False)


def leiden_communities(
    graph: nx.Graph, *, weight: str | None = "weight", seed: int = 0
) -> dict[Hashable, int]:
    """Leiden communities (igraph, modularity, iterated until the partition no longer
    changes), reproducible for a seed, numbered as :func:`louvain_communities`.
    Unlike Louvain's, every community it finds is connected.

    References
    ----------
    Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden:
    guaranteeing well-connected communities.  Scientific Reports 9, 5233.
    """
    return _communities(graph, weight, seed, leiden=True)


def _communities(
    graph: nx.Graph, weight: str | None, seed: int, *, leiden: bool
) -> dict[Hashable, int]:
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    converted = igraph.Graph(
        n=len(nodes), edges=[(index[u], index[v]) for u, v in graph.edges if u != v]
    )
    weights = (
        [float(d.get(weight, 1.0)) for u, v, d in graph.edges(data=True) if u != v]
        if weight
        else None
    )
    with _IGRAPH_RNG_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            if not converted.ecount():
                clusters = None
            elif leiden:
                clusters = converted.community_leiden(
                    objective_function="modularity", weights=weights, n_iterations=-1
                )
            else:
                clusters = converted.community_multilevel(weights=weights)
        finally:
            igraph.set_random_number_generator(random)
    membership = clusters.membership if clusters is not None else list(range(len(nodes)))
    return numbered(dict(zip(nodes, membership, strict=True)))


def numbered(membership: dict[Hashable, int]) -> dict[Hashable, int]:
    """Communities renumbered from 0 by decreasing size, then by their smallest node,
    whatever numbers the algorithm gave them.

    >>> numbered({"a": 7, "b": 3, "c": 3})
    {'b': 0, 'c': 0, 'a': 1}
    """
    members: dict[int, list[Hashable]] = {}
    for node in sorted(membership, key=str):
        members.setdefault(membership[node], []).append(node)
    ordered = sorted(members.values(), key=lambda group: (-len(group), str(group[0])))
    return {node: number for number, group in enumerate(ordered) for node in group}


def _contingency(labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> np.ndarray:
    rows = {label: i for i, label in enumerate(sorted(set(labels_a), key=str))}
    cols = {label: i for i, label in enumerate(sorted(set(labels_b), key=str))}
    table = np.zeros((len(rows), len(cols)))
    for a, b in zip(labels_a, labels_b, strict=True):
        table[rows[a], cols[b]] += 1
    return table


def normalized_mutual_information(
    labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]
) -> float:
    """NMI with arithmetic-mean normalisation (as scikit-learn's default); 1.0 for
    identical partitions, 1.0 also when both put everything in one group.

    Examples
    --------
    >>> normalized_mutual_information([0, 0, 1, 1], [5, 5, 7, 7])
    1.0
    >>> normalized_mutual_information([0, 0, 1, 1], [0, 1, 0, 1])
    0.0
    """
    table = _contingency(labels_a, labels_b)
    n = table.sum()
    if n == 0:
        return 1.0
    pa, pb = table.sum(axis=1) / n, table.sum(axis=0) / n
    joint = table / n
    nonzero = joint > 0
    mutual = float(np.sum(joint[nonzero] * np.log(joint[nonzero] / np.outer(pa, pb)[nonzero])))
    entropy_a = -float(np.sum(pa[pa > 0] * np.log(pa[pa > 0])))
    entropy_b = -float(np.sum(pb[pb > 0] * np.log(pb[pb > 0])))
    if entropy_a == 0 and entropy_b == 0:
        return 1.0
    denominator = (entropy_a + entropy_b) / 2
    return max(0.0, mutual / denominator) if denominator else 0.0


def adjusted_rand_index(labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> float:
    """Hubert & Arabie's adjusted Rand index: 1.0 identical, about 0 at random.

    Examples
    --------
    >>> adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0])
    1.0
    """
    table = _contingency(labels_a, labels_b)
    n = table.sum()

    def pairs(x: np.ndarray | float) -> Any:
        return x * (x - 1) / 2

    index = float(np.sum(pairs(table)))
    rows, cols = float(np.sum(pairs(table.sum(axis=1)))), float(np.sum(pairs(table.sum(axis=0))))
    total = pairs(n)
    expected = rows * cols / total if total else 0.0
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def silo_change(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Décloisonnement: how the headline figures moved between two reports
    (``after − before``); a rising E-I index means fewer silos.

    Examples
    --------
    >>> silo_change({"ei_index": {"network": -0.5}, "modularity": 0.4, "assortativity": 0.6,
    ...              "missing_bridges": [["a", "b"]]},
    ...             {"ei_index": {"network": 0.0}, "modularity": 0.2, "assortativity": 0.1,
    ...              "missing_bridges": []})["ei_index"]
    0.5
    """

    def delta(a: float | None, b: float | None) -> float | None:
        return (
            None if a is None or b is None or math.isnan(a) or math.isnan(b) else round(b - a, 12)
        )

    closed = [pair for pair in before["missing_bridges"] if pair not in after["missing_bridges"]]
    opened = [pair for pair in after["missing_bridges"] if pair not in before["missing_bridges"]]
    return {
        "ei_index": delta(before["ei_index"]["network"], after["ei_index"]["network"]),
        "modularity": delta(before["modularity"], after["modularity"]),
        "assortativity": delta(before["assortativity"], after["assortativity"]),
        "bridges_built": closed,
        "bridges_lost": opened,
    }


def tie_change(before: nx.Graph, after: nx.Graph, partition: str = "sphere") -> dict[str, Any]:
    """Ties that appear or end between two projections of the same scope, counted
    by pair of groups (``partition`` is the node attribute: sphere, side…).
    ``unchanged`` is true when no dated tie differs: the data then show no change.

    Examples
    --------
    >>> a = nx.Graph([(1, 2)]); b = nx.Graph([(1, 2), (2, 3)])
    >>> nx.set_node_attributes(a, {1: "x", 2: "y"}, "sphere")
    >>> nx.set_node_attributes(b, {1: "x", 2: "y", 3: "x"}, "sphere")
    >>> change = tie_change(a, b)
    >>> change["new"], change["ended"], change["by_group_pair"]
    (1, 0, [{'groups': ['x', 'y'], 'new': 1, 'ended': 0}])
    """

    def pairs(graph: nx.Graph) -> set[frozenset[Hashable]]:
        return {frozenset((u, v)) for u, v in graph.edges if u != v}

    def groups(pair: frozenset[Hashable]) -> tuple[str, str]:
        found = []
        for node in pair:
            data = after.nodes[node] if node in after else before.nodes[node]
            found.append(str(data.get(partition, "unknown")))
        low, high = sorted(found)
        return low, high

    new, ended = pairs(after) - pairs(before), pairs(before) - pairs(after)
    counts: dict[tuple[str, str], list[int]] = {}
    for pair in new:
        counts.setdefault(groups(pair), [0, 0])[0] += 1
    for pair in ended:
        counts.setdefault(groups(pair), [0, 0])[1] += 1
    return {
        "new": len(new),
        "ended": len(ended),
        "unchanged": not new and not ended,
        "by_group_pair": [
            {"groups": list(key), "new": value[0], "ended": value[1]}
            for key, value in sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
        ],
    }
