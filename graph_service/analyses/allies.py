"""Possible allies (alliés possibles): actors not yet tied to a given actor who
could become partners, each with the reasons that make it a candidate.

Scores add three things: structure (Adamic–Adar and resource allocation over
shared partners), shared attributes (territories, issues, SDGs, frameworks,
operations), and complementarity (another sphere on the same territory and the
same issue, seed 002:831-842).  Conflictual ties (``OPPOSES``) are not edges of
the projection, so they never count as closeness, and an actor in conflict with
the requester is not proposed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

__all__ = [
    "AllyWeights",
    "ally_score",
    "evaluate_allies",
    "existing_partners",
    "place_sizes",
    "possible_allies",
]

SHARED_ATTRIBUTES = ("territories", "issues", "sdgs", "frameworks", "operations")
#: A dialogue framework this small is a working group whose members already work
#: together; in a larger one (a national platform, a network) they may never have met.
SMALL_FRAMEWORK = 12
#: In a territory, framework or operation holding more actors than this (a region,
#: a départemental forum, a national platform), being there together says too little
#: to suggest an alliance on its own: its actors are candidates only when something
#: else brings them (a shared partner, a smaller place, an issue), and then the shared
#: place still counts in the score.
LARGE_PLACE = 200
#: The attributes that are places, whose size :data:`LARGE_PLACE` bounds.
PLACES = ("territories", "frameworks", "operations")


@dataclass(frozen=True)
class AllyWeights:
    """How much each kind of closeness counts (structure counts 1 per unit)."""

    shared: dict[str, float] = field(
        default_factory=lambda: {
            "territories": 0.5,
            "issues": 0.5,
            "sdgs": 0.25,
            "frameworks": 0.5,
            "operations": 0.5,
        }
    )
    complementarity: float = 1.0


def _in_conflict(graph: nx.Graph, a: Hashable, b: Hashable) -> bool:
    conflicts: set[frozenset[Hashable]] = graph.graph.get("conflicts", set())
    return frozenset((a, b)) in conflicts


def ally_score(
    graph: nx.Graph, actor: Hashable, candidate: Hashable, weights: AllyWeights | None = None
) -> tuple[float, list[dict[str, Any]]]:
    """Score of ``candidate`` as an ally of ``actor``, and why.

    Examples
    --------
    >>> g = nx.Graph([("a", "z"), ("b", "z")])
    >>> score, reasons = ally_score(g, "a", "b")
    >>> round(score, 3), reasons[0]["kind"], reasons[0]["ids"]
    (1.943, 'shared_partners', ['z'])

    References
    ----------
    Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the web.  Social
    Networks 25, 211-230.  Zhou, T., Lü, L. & Zhang, Y.-C. (2009). Predicting
    missing links via local information.  European Physical Journal B 71, 623-630.
    """
    weights = weights or AllyWeights()
    reasons: list[dict[str, Any]] = []
    common = sorted(set(graph[actor]) & set(graph[candidate]), key=str)
    adamic_adar = sum(1 / math.log(graph.degree(z)) for z in common if graph.degree(z) > 1)
    resource_allocation = sum(1 / graph.degree(z) for z in common)
    score = adamic_adar + resource_allocation
    if common:
        reasons.append(
            {
                "kind": "shared_partners",
                "ids": common,
                "adamic_adar": round(adamic_adar, 6),
                "resource_allocation": round(resource_allocation, 6),
            }
        )
    mine, theirs = graph.nodes[actor], graph.nodes[candidate]
    for attribute in SHARED_ATTRIBUTES:
        shared = sorted(set(mine.get(attribute, ())) & set(theirs.get(attribute, ())), key=str)
        if shared:
            score += weights.shared.get(attribute, 0.0) * len(shared)
            reasons.append({"kind": f"shared_{attribute}", "ids": shared})
    spheres_differ = mine.get("sphere") != theirs.get("sphere")
    if (
        spheres_differ
        and set(mine.get("territories", ())) & set(theirs.get("territories", ()))
        and set(mine.get("issues", ())) & set(theirs.get("issues", ()))
    ):
        score += weights.complementarity
        reasons.append({"kind": "complementarity", "sphere": theirs.get("sphere")})
    return score, reasons


def place_sizes(graph: nx.Graph) -> dict[str, int]:
    """Actors in each territory, framework and operation: the database's counts the
    projection read (``graph.graph["place_sizes"]``), else those of this graph."""
    known: dict[str, int] = graph.graph.get("place_sizes") or {}
    counted: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        for attribute in PLACES:
            for place in data.get(attribute, ()):
                counted[place] = counted.get(place, 0) + 1
    return {place: known.get(place, count) for place, count in counted.items()}


def _candidates(graph: nx.Graph, actor: Hashable, max_hops: int) -> set[Hashable]:
    near = set(nx.single_source_shortest_path_length(graph, actor, cutoff=max_hops))
    mine = graph.nodes[actor]
    sizes = place_sizes(graph)
    wanted = {
        attribute: {
            value
            for value in mine.get(attribute, ())
            if attribute not in PLACES or sizes[value] <= LARGE_PLACE
        }
        for attribute in SHARED_ATTRIBUTES
    }
    for node, data in graph.nodes(data=True):
        if any(wanted[a] & set(data.get(a, ())) for a in SHARED_ATTRIBUTES):
            near.add(node)
    return near - set(graph[actor]) - {actor}


def existing_partners(graph: nx.Graph, actor: Hashable) -> dict[Hashable, dict[str, list[str]]]:
    """Actors that already work with ``actor`` without a tie of their own in the
    graph: they take part in one of its operations, or sit with it in a small
    dialogue framework (at most :data:`SMALL_FRAMEWORK` members: the database's
    count when the projection read it, else the graph's).
    Maps each to what they share (``operations``, ``frameworks``).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("a", operations={"op"}, frameworks=set())
    >>> g.add_node("b", operations={"op"}, frameworks=set())
    >>> existing_partners(g, "a")
    {'b': {'operations': ['op'], 'frameworks': []}}
    """
    members = place_sizes(graph)
    mine = graph.nodes[actor]
    partners: dict[Hashable, dict[str, list[str]]] = {}
    for node, data in graph.nodes(data=True):
        if node == actor or graph.has_edge(actor, node):
            continue
        operations = sorted(set(mine.get("operations", ())) & set(data.get("operations", ())))
        frameworks = sorted(
            f
            for f in set(mine.get("frameworks", ())) & set(data.get("frameworks", ()))
            if members[f] <= SMALL_FRAMEWORK
        )
        if operations or frameworks:
            partners[node] = {"operations": operations, "frameworks": frameworks}
    return partners


def _strength(reasons: list[dict[str, Any]]) -> tuple[int, int]:
    """How much stands behind a score: kinds of reasons, then things shared."""
    return len(reasons), sum(len(r.get("ids", ())) for r in reasons)


def possible_allies(
    graph: nx.Graph,
    actor: Hashable,
    *,
    top: int = 10,
    max_hops: int = 2,
    weights: AllyWeights | None = None,
    exclude_partners: bool = True,
) -> list[dict[str, Any]]:
    """The ``top`` candidates for ``actor``: within ``max_hops`` of it (two: a shared
    partner; further away, only what is shared can bring a candidate), or sharing a
    territory, issue, SDG, framework or operation with it (a territory, framework or
    operation of at most :data:`LARGE_PLACE` actors); never already tied to it,
    nor in conflict with it, nor (with ``exclude_partners``) already working with it
    (:func:`existing_partners`).  Sorted by score, then by the strength of the
    reasons (more kinds of reasons, then more things shared), then id.

    Examples
    --------
    >>> g = nx.Graph([("a", "z"), ("b", "z"), ("c", "b")])
    >>> [(r["id"], round(r["score"], 2)) for r in possible_allies(g, "a")]
    [('b', 1.94)]
    """
    if actor not in graph:
        raise KeyError(actor)
    partners = existing_partners(graph, actor) if exclude_partners else {}
    results = []
    for candidate in _candidates(graph, actor, max_hops):
        if _in_conflict(graph, actor, candidate) or candidate in partners:
            continue
        score, reasons = ally_score(graph, actor, candidate, weights)
        if score > 0:
            results.append(
                {
                    "id": candidate,
                    "name": graph.nodes[candidate].get("name", candidate),
                    "sphere": graph.nodes[candidate].get("sphere"),
                    "score": round(score, 6),
                    "reasons": reasons,
                }
            )
    results.sort(
        key=lambda r: (-round(r["score"], 9), *(-n for n in _strength(r["reasons"])), str(r["id"]))
    )
    return results[:top]


def _auc(positives: Iterable[float], negatives: Iterable[float]) -> float | None:
    pos, neg = np.asarray(list(positives)), np.asarray(list(negatives))
    if len(pos) == 0 or len(neg) == 0:
        return None
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def evaluate_allies(
    graph: nx.Graph,
    *,
    hidden_share: float = 0.1,
    seed: int = 0,
    k: int = 10,
    negatives_per_positive: int = 10,
    weights: AllyWeights | None = None,
) -> dict[str, Any]:
    """How well the ally score finds ties that exist: hide ``hidden_share`` of the
    ties (seeded), score what is left, and report

    - ``auc``: the chance that a hidden tie outscores a pair of actors that are not
      tied (pairs drawn at random, ``negatives_per_positive`` per hidden tie);
    - ``precision_at_k``: the share of hidden ties among each actor's top ``k``
      suggestions, over the actors that lost a tie;
    - both split into ``same_sphere`` and ``cross_sphere`` ties, since the field
      most needs the cross-sphere ones and they are the hardest to predict.

    References
    ----------
    Lü, L. & Zhou, T. (2011). Link prediction in complex networks: a survey.
    Physica A 390, 1150-1170.
    """
    rng = random.Random(seed)
    edges = sorted((tuple(sorted((u, v), key=str)) for u, v in graph.edges if u != v), key=str)
    hidden = rng.sample(edges, max(1, int(len(edges) * hidden_share))) if edges else []
    reduced = graph.copy()
    reduced.remove_edges_from(hidden)
    nodes = sorted(graph.nodes, key=str)

    def category(u: Hashable, v: Hashable) -> str:
        same = graph.nodes[u].get("sphere") == graph.nodes[v].get("sphere")
        return "same_sphere" if same else "cross_sphere"

    scores: dict[str, dict[str, list[float]]] = {
        c: {"positive": [], "negative": []} for c in ("all", "same_sphere", "cross_sphere")
    }
    for u, v in hidden:
        value = ally_score(reduced, u, v, weights)[0]
        scores["all"]["positive"].append(value)
        scores[category(u, v)]["positive"].append(value)
    wanted = negatives_per_positive * len(hidden)
    drawn = 0
    attempts = 0
    while drawn < wanted and attempts < 50 * max(wanted, 1):
        attempts += 1
        u, v = rng.sample(nodes, 2)
        if graph.has_edge(u, v):
            continue
        value = ally_score(reduced, u, v, weights)[0]
        scores["all"]["negative"].append(value)
        scores[category(u, v)]["negative"].append(value)
        drawn += 1

    hidden_by_actor: dict[Hashable, set[Hashable]] = {}
    for u, v in hidden:
        hidden_by_actor.setdefault(u, set()).add(v)
        hidden_by_actor.setdefault(v, set()).add(u)
    precision = {c: [0, 0] for c in ("all", "same_sphere", "cross_sphere")}  # hits, slots
    for actor, lost in sorted(hidden_by_actor.items(), key=lambda item: str(item[0])):
        # Link prediction: every hidden tie counts, partners in an operation too.
        suggested = [
            r["id"]
            for r in possible_allies(reduced, actor, top=k, weights=weights, exclude_partners=False)
        ]
        hits = [s for s in suggested if s in lost]
        precision["all"][0] += len(hits)
        precision["all"][1] += k
        for c in ("same_sphere", "cross_sphere"):
            if any(category(actor, other) == c for other in lost):
                precision[c][0] += sum(1 for s in hits if category(actor, s) == c)
                precision[c][1] += k
    return {
        "hidden_ties": len(hidden),
        "seed": seed,
        "k": k,
        **{
            c: {
                "auc": _auc(scores[c]["positive"], scores[c]["negative"]),
                "precision_at_k": precision[c][0] / precision[c][1] if precision[c][1] else None,
                "hidden_ties": len(scores[c]["positive"]),
            }
            for c in ("all", "same_sphere", "cross_sphere")
        },
    }
