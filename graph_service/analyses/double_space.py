"""Double espace (« ici et là-bas »): a territory here linked to a territory
there.  Who is anchored on each side, which ties cross, the South–South ties, who
holds the link and how concentrated it is on one intermediary — and whether that
dependence falls over time ("effacement progressif des partenaires
internationaux", seed 002:860; horizontalisation, 002:864-878).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

import networkx as nx

from graph_service.analyses.brokers import betweenness

__all__ = ["double_space", "lead_brokerage_share", "south_south"]


def double_space(graph: nx.Graph) -> dict[str, Any]:
    """Structure of a double-espace link in ``graph``, whose nodes carry ``space``
    (``here``, ``there`` or ``both``) and ``side`` (``north``/``south``).

    ``holders`` are the actors with ties across (or present on both sides), with
    the number of crossing ties each holds; ``concentration`` is the
    Herfindahl–Hirschman index of those shares (1.0: one intermediary holds the
    whole link) and ``top_share`` the share of the busiest holder.

    Examples
    --------
    >>> g = nx.Graph([("a", "x"), ("a", "y"), ("b", "x")])
    >>> nx.set_node_attributes(g, {"a": "here", "b": "here", "x": "there", "y": "there"}, "space")
    >>> result = double_space(g)
    >>> result["crossing_ties"], result["holders"][0]["id"], round(result["concentration"], 3)
    (3, 'a', 0.556)
    """
    space = {node: graph.nodes[node].get("space", "here") for node in graph.nodes}
    here = sorted((n for n, s in space.items() if s in ("here", "both")), key=str)
    there = sorted((n for n, s in space.items() if s in ("there", "both")), key=str)
    crossing = [
        (u, v)
        for u, v in graph.edges
        if {space[u], space[v]} == {"here", "there"} or "both" in (space[u], space[v])
    ]
    # A crossing tie is held by its end on the "here" side (or on both sides).
    holding: Counter[Hashable] = Counter()
    for u, v in crossing:
        for end in (u, v):
            if space[end] in ("here", "both"):
                holding[end] += 1
    total = sum(holding.values())
    shares = {node: count / total for node, count in holding.items()} if total else {}
    concentration = sum(share**2 for share in shares.values()) if shares else None
    south_south = sorted(
        sorted((u, v), key=str)
        for u, v in graph.edges
        if graph.nodes[u].get("side") == "south" and graph.nodes[v].get("side") == "south"
    )
    holders = [
        {
            "id": node,
            "name": graph.nodes[node].get("name", node),
            "space": space[node],
            "crossing_ties": count,
            "share": round(shares.get(node, 0.0), 6),
        }
        for node, count in holding.items()
    ]
    holders.sort(key=lambda item: (-item["crossing_ties"], str(item["id"])))
    return {
        "here": [{"id": n, "name": graph.nodes[n].get("name", n)} for n in here],
        "there": [{"id": n, "name": graph.nodes[n].get("name", n)} for n in there],
        "on_both_sides": sorted((n for n, s in space.items() if s == "both"), key=str),
        "crossing_ties": len(crossing),
        "ties": sorted(sorted((u, v), key=str) for u, v in crossing),
        "south_south_ties": south_south,
        "holders": holders,
        "concentration": concentration,
        "top_share": holders[0]["share"] if holders else None,
    }


def lead_brokerage_share(
    graphs: Mapping[str, nx.Graph], leads: AbstractSet[Hashable]
) -> list[dict[str, Any]]:
    """For each dated graph of an operation, the share of all betweenness held by
    its (Northern) leads: falling shares mean horizontalisation, the lead stepping
    back as Southern partners tie to each other.

    Examples
    --------
    >>> star, ring = nx.star_graph(3), nx.cycle_graph(4)
    >>> [p["lead_share"] for p in lead_brokerage_share({"2014": star, "2016": ring}, {0})]
    [1.0, 0.25]
    """
    points = []
    for when, graph in sorted(graphs.items()):
        scores = betweenness(graph, normalized=False) if graph.number_of_nodes() else {}
        total = sum(scores.values())
        held = sum(scores.get(lead, 0.0) for lead in leads)
        points.append(
            {
                "date": when,
                "actors": graph.number_of_nodes(),
                "ties": graph.number_of_edges(),
                "lead_share": round(held / total, 6) if total else None,
            }
        )
    return points


def south_south(graph: nx.Graph) -> dict[str, Any]:
    """Ties between two actors of the South (nodes' ``side``), across the whole
    graph, with their countries, and counted by pair of countries (South–South
    cooperation, seed 002:1368-1370).

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(g, {"a": "south", "b": "south", "c": "north"}, "side")
    >>> nx.set_node_attributes(g, {"a": "ML", "b": "SN", "c": "FR"}, "country")
    >>> south_south(g)["by_country_pair"]
    [{'countries': ['ML', 'SN'], 'ties': 1}]
    """
    ties = []
    pairs: Counter[tuple[str, str]] = Counter()
    for u, v in sorted(graph.edges, key=lambda e: sorted(map(str, e))):
        if graph.nodes[u].get("side") != "south" or graph.nodes[v].get("side") != "south":
            continue
        first, second = sorted((u, v), key=str)
        countries = sorted(str(graph.nodes[n].get("country") or "?") for n in (first, second))
        pairs[(countries[0], countries[1])] += 1
        ties.append(
            {
                "from": first,
                "to": second,
                "from_name": graph.nodes[first].get("name"),
                "to_name": graph.nodes[second].get("name"),
                "from_country": graph.nodes[first].get("country"),
                "to_country": graph.nodes[second].get("country"),
                "countries": countries,
                "since": graph.edges[u, v].get("since"),
            }
        )
    return {
        "ties": ties,
        "by_country_pair": [
            {"countries": list(key), "ties": count}
            for key, count in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
        ],
    }
